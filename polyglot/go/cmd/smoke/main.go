// Command smoke calls the ClickSend mock with the client oapi-codegen generated from
// spec/dist/openapi.json. polyglot/run.mjs runs it with CLICKSEND_BASE_URL set to a Prism
// mock of the bundled spec; it prints one line per call that returned what the spec describes
// and exits non-zero (with the reason) at the first that did not.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/clicksend-kit/polyglot/go/clicksend"
)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "go: FAIL "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	baseURL := os.Getenv("CLICKSEND_BASE_URL")
	if baseURL == "" {
		fail("CLICKSEND_BASE_URL is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	basicAuth := clicksend.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		req.SetBasicAuth("demo-user", "demo-key")
		return nil
	})
	client, err := clicksend.NewClientWithResponses(baseURL, basicAuth)
	if err != nil {
		fail("creating the client: %v", err)
	}

	account, err := client.GetAccountWithResponse(ctx)
	if err != nil {
		fail("GET /v3/account: %v", err)
	}
	if account.StatusCode() != http.StatusOK || account.JSON200 == nil {
		fail("GET /v3/account: HTTP %d, body %.300s", account.StatusCode(), account.Body)
	}
	data := account.JSON200.Data
	if data.Username == "" || data.UserId == 0 {
		fail("GET /v3/account: unexpected data %+v", data)
	}
	fmt.Printf("go: GET /v3/account -> 200, username=%s user_id=%d balance=%s\n", data.Username, data.UserId, data.Balance)

	to, source := "+61411111111", "polyglot"
	sent, err := client.SendSmsWithResponse(ctx, clicksend.SendSmsJSONRequestBody{
		Messages: []clicksend.SmsMessage{{To: &to, Body: "Hello from the generated Go client", Source: &source}},
	})
	if err != nil {
		fail("POST /v3/sms/send: %v", err)
	}
	if sent.StatusCode() != http.StatusOK || sent.JSON200 == nil {
		fail("POST /v3/sms/send: HTTP %d, body %.300s", sent.StatusCode(), sent.Body)
	}
	result := sent.JSON200.Data
	if len(result.Messages) == 0 {
		fail("POST /v3/sms/send: no messages in %+v", result)
	}
	first := result.Messages[0]
	id := "<none>"
	if first.MessageId != nil {
		id = *first.MessageId
	}
	fmt.Printf("go: POST /v3/sms/send -> 200, %d message(s), first %s %s\n", result.TotalCount, id, first.Status)

	// Page through the history until the last page the API reports (at most 10 pages here).
	for page := 1; page <= 10; page++ {
		limit := 15
		history, err := client.ListSmsHistoryWithResponse(ctx, &clicksend.ListSmsHistoryParams{Page: &page, Limit: &limit})
		if err != nil {
			fail("GET /v3/sms/history?page=%d: %v", page, err)
		}
		if history.StatusCode() != http.StatusOK || history.JSON200 == nil {
			fail("GET /v3/sms/history?page=%d: HTTP %d, body %.300s", page, history.StatusCode(), history.Body)
		}
		data := history.JSON200.Data
		if data.CurrentPage != page || len(data.Data) == 0 {
			fail("GET /v3/sms/history?page=%d: page %d with %d item(s)", page, data.CurrentPage, len(data.Data))
		}
		fmt.Printf("go: GET /v3/sms/history?page=%d -> 200, page %d of %d, %d item(s)\n", page, data.CurrentPage, data.LastPage, len(data.Data))
		if data.CurrentPage >= data.LastPage {
			break
		}
	}

	// The mock checks security: without credentials the spec's 401 comes back.
	anonymous, err := clicksend.NewClientWithResponses(baseURL)
	if err != nil {
		fail("creating the anonymous client: %v", err)
	}
	denied, err := anonymous.GetAccountWithResponse(ctx)
	if err != nil {
		fail("GET /v3/account without credentials: %v", err)
	}
	if denied.StatusCode() != http.StatusUnauthorized {
		fail("GET /v3/account without credentials: expected 401, got %d", denied.StatusCode())
	}
	fmt.Println("go: GET /v3/account without credentials -> 401")
}
