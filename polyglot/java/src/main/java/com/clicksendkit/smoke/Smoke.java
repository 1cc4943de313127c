// Calls the ClickSend mock with the client openapi-generator (java, jersey3) generated
// from spec/dist/openapi-3.0.json. polyglot/run.mjs runs it with CLICKSEND_BASE_URL set to a
// Prism mock of the bundled spec; it prints one line per call that returned what the spec
// describes and exits non-zero (with the reason) at the first that did not.
package com.clicksendkit.smoke;

import com.clicksendkit.client.ApiClient;
import com.clicksendkit.client.ApiException;
import com.clicksendkit.client.api.AccountApi;
import com.clicksendkit.client.api.SmsApi;
import com.clicksendkit.client.model.Account;
import com.clicksendkit.client.model.ListSmsHistory200ResponseAllOfData;
import com.clicksendkit.client.model.SentSmsMessage;
import com.clicksendkit.client.model.SmsMessage;
import com.clicksendkit.client.model.SmsMessageCollection;
import com.clicksendkit.client.model.SmsSendResult;
import java.util.List;

public final class Smoke {
  private Smoke() {}

  private static void fail(String message) {
    System.err.println("java: FAIL " + message);
    System.exit(1);
  }

  /** A client for the base URL; with credentials, every request carries ClickSend's HTTP Basic header. */
  static ApiClient client(String baseUrl, String username, String apiKey) {
    ApiClient client = new ApiClient();
    client.setBasePath(baseUrl);
    if (username != null) {
      // The spec's BasicAuth scheme: username and API key.
      client.setUsername(username);
      client.setPassword(apiKey);
    }
    return client;
  }

  public static void main(String[] args) throws ApiException {
    String baseUrl = System.getenv("CLICKSEND_BASE_URL");
    if (baseUrl == null || baseUrl.isEmpty()) fail("CLICKSEND_BASE_URL is not set");
    ApiClient client = client(baseUrl, "demo-user", "demo-key");

    Account account = new AccountApi(client).getAccount().getData();
    if (account.getUsername() == null || account.getUserId() == null) fail("GET /v3/account: unexpected data " + account);
    System.out.printf("java: GET /v3/account -> 200, username=%s user_id=%d balance=%s%n", account.getUsername(), account.getUserId(), account.getBalance());

    SmsApi sms = new SmsApi(client);
    SmsMessage message = new SmsMessage().to("+61411111111").body("Hello from the generated Java client").source("polyglot");
    SmsSendResult sent = sms.sendSms(new SmsMessageCollection().messages(List.of(message))).getData();
    if (sent.getMessages() == null || sent.getMessages().isEmpty()) fail("POST /v3/sms/send: no messages in " + sent);
    SentSmsMessage first = sent.getMessages().get(0);
    System.out.printf("java: POST /v3/sms/send -> 200, %d message(s), first %s %s%n", sent.getTotalCount(), first.getMessageId(), first.getStatus());

    // Page through the history until the last page the API reports (at most 10 pages here).
    for (int page = 1; page <= 10; page++) {
      ListSmsHistory200ResponseAllOfData history = sms.listSmsHistory(page, 15, null, null, null, null, null).getData();
      if (history.getCurrentPage() != page || history.getData().isEmpty()) {
        fail("GET /v3/sms/history?page=" + page + ": page " + history.getCurrentPage() + " with " + history.getData().size() + " item(s)");
      }
      System.out.printf("java: GET /v3/sms/history?page=%d -> 200, page %d of %d, %d item(s)%n", page, history.getCurrentPage(), history.getLastPage(), history.getData().size());
      if (history.getCurrentPage() >= history.getLastPage()) break;
    }

    // The mock checks security: without credentials the spec's 401 comes back as an ApiException.
    try {
      new AccountApi(client(baseUrl, null, null)).getAccount();
      fail("GET /v3/account without credentials: expected a 401 error, got 200");
    } catch (ApiException e) {
      if (e.getCode() != 401) fail("GET /v3/account without credentials: expected a 401 error, got " + e.getCode() + ": " + e.getMessage());
      System.out.println("java: GET /v3/account without credentials -> 401 error (ApiException)");
    }
  }
}
