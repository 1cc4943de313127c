//! Calls the ClickSend mock with the client openapi-generator (rust, reqwest) generated from
//! spec/dist/openapi-3.0.json. polyglot/run.mjs runs it with CLICKSEND_BASE_URL set to a Prism
//! mock of the bundled spec; it prints one line per call that returned what the spec describes
//! and exits non-zero (with the reason) at the first that did not.

use clicksend_client::apis::account_api::{get_account, GetAccountError};
use clicksend_client::apis::configuration::Configuration;
use clicksend_client::apis::sms_api::{list_sms_history, send_sms};
use clicksend_client::apis::Error;
use clicksend_client::models::{SmsMessage, SmsMessageCollection};

fn fail(message: String) -> ! {
    eprintln!("rust: FAIL {message}");
    std::process::exit(1);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base_url = std::env::var("CLICKSEND_BASE_URL").unwrap_or_else(|_| fail("CLICKSEND_BASE_URL is not set".into()));
    // ClickSend uses HTTP Basic auth: username and API key.
    let config = Configuration {
        base_path: base_url.clone(),
        basic_auth: Some(("demo-user".to_owned(), Some("demo-key".to_owned()))),
        ..Configuration::default()
    };

    let account = get_account(&config).await.unwrap_or_else(|e| fail(format!("GET /v3/account: {e}")));
    if account.data.username.is_empty() || account.data.user_id == 0 {
        fail(format!("GET /v3/account: unexpected data {:?}", account.data));
    }
    println!("rust: GET /v3/account -> 200, username={} user_id={} balance={}", account.data.username, account.data.user_id, account.data.balance);

    let mut message = SmsMessage::new("Hello from the generated Rust client".to_owned());
    message.to = Some("+61411111111".to_owned());
    message.source = Some("polyglot".to_owned());
    let sent = send_sms(&config, SmsMessageCollection::new(vec![message]))
        .await
        .unwrap_or_else(|e| fail(format!("POST /v3/sms/send: {e}")));
    let first = sent.data.messages.first().unwrap_or_else(|| fail(format!("POST /v3/sms/send: no messages in {:?}", sent.data)));
    println!(
        "rust: POST /v3/sms/send -> 200, {} message(s), first {} {}",
        sent.data.total_count,
        first.message_id.as_deref().unwrap_or("<none>"),
        first.status
    );

    // Page through the history until the last page the API reports (at most 10 pages here).
    let mut page = 1;
    loop {
        let history = list_sms_history(&config, Some(page), Some(15), None, None, None, None, None)
            .await
            .unwrap_or_else(|e| fail(format!("GET /v3/sms/history?page={page}: {e}")));
        let data = &history.data;
        if data.current_page != page || data.data.is_empty() {
            fail(format!("GET /v3/sms/history?page={page}: page {} with {} item(s)", data.current_page, data.data.len()));
        }
        println!("rust: GET /v3/sms/history?page={page} -> 200, page {} of {}, {} item(s)", data.current_page, data.last_page, data.data.len());
        if data.current_page >= data.last_page || page >= 10 {
            break;
        }
        page += 1;
    }

    // The mock checks security: without credentials the spec's 401 comes back as an error with
    // ClickSend's error envelope. The generated error enum is untagged, so serde picks the first
    // variant of that shape (Status400) whatever the status: read the status from the response.
    let anonymous = Configuration { base_path: base_url, ..Configuration::default() };
    match get_account(&anonymous).await {
        Err(Error::ResponseError(response)) if response.status.as_u16() == 401 => match response.entity {
            Some(
                GetAccountError::Status400(envelope)
                | GetAccountError::Status401(envelope)
                | GetAccountError::Status403(envelope)
                | GetAccountError::Status404(envelope)
                | GetAccountError::Status405(envelope)
                | GetAccountError::Status429(envelope)
                | GetAccountError::Status500(envelope),
            ) => println!("rust: GET /v3/account without credentials -> 401 error, response_code={}", envelope.response_code),
            other => fail(format!("GET /v3/account without credentials: 401 without ClickSend's error envelope: {other:?}")),
        },
        Err(e) => fail(format!("GET /v3/account without credentials: expected a 401 error, got {e}")),
        Ok(_) => fail("GET /v3/account without credentials: expected a 401 error, got 200".into()),
    }
}
