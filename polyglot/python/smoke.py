"""Calls the ClickSend mock with the client openapi-python-client generated from spec/dist/openapi.json,
and reads the answers with the pydantic models datamodel-code-generator generated from it.

Run by polyglot/run.mjs with the generated package on PYTHONPATH and CLICKSEND_BASE_URL set
to a Prism mock of the bundled spec. Prints one line per call that returned what the spec
describes and exits non-zero (with the reason) at the first that did not.
"""

import base64
import json
import os
import sys

import clicksend_models

from clicksend_client import AuthenticatedClient
from clicksend_client.api.account import get_account
from clicksend_client.api.sms import list_sms_history, send_sms
from clicksend_client.models import GetAccountResponse200, ListSmsHistoryResponse200, SendSmsResponse200, SmsMessage, SmsMessageCollection


def fail(message: str) -> None:
    print(f"python: FAIL {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    base_url = os.environ["CLICKSEND_BASE_URL"]
    credentials = base64.b64encode(b"demo-user:demo-key").decode()
    # ClickSend uses HTTP Basic auth; the generated client sends "<prefix> <token>".
    client = AuthenticatedClient(base_url=base_url, token=credentials, prefix="Basic", raise_on_unexpected_status=True)

    account = get_account.sync_detailed(client=client)
    if account.status_code != 200 or not isinstance(account.parsed, GetAccountResponse200):
        fail(f"GET /v3/account: HTTP {account.status_code}, parsed {type(account.parsed).__name__}: {account.content[:300]!r}")
    data = account.parsed.data
    if not data.username or not isinstance(data.user_id, int):
        fail(f"GET /v3/account: unexpected data {data!r}")
    # The same answer read by the pydantic model (its email fields need pydantic[email]).
    model = clicksend_models.Account.model_validate(json.loads(account.content)["data"])
    if model.username != data.username:
        fail(f"GET /v3/account: the pydantic Account model read username {model.username!r}, the client {data.username!r}")
    print(f"python: GET /v3/account -> 200, username={data.username} user_id={data.user_id} balance={data.balance} (pydantic Account too)")

    body = SmsMessageCollection(messages=[SmsMessage(to="+61411111111", body="Hello from the generated Python client", source="polyglot")])
    sent = send_sms.sync_detailed(client=client, body=body)
    if sent.status_code != 200 or not isinstance(sent.parsed, SendSmsResponse200):
        fail(f"POST /v3/sms/send: HTTP {sent.status_code}, parsed {type(sent.parsed).__name__}: {sent.content[:300]!r}")
    result = sent.parsed.data
    if not result.messages or not isinstance(result.total_price, float):
        fail(f"POST /v3/sms/send: unexpected data {result!r}")
    first = result.messages[0]
    print(f"python: POST /v3/sms/send -> 200, {result.total_count} message(s), first {first.message_id} {first.status}")

    # Page through the history until the last page the API reports (at most 10 pages here).
    for page in range(1, 11):
        history = list_sms_history.sync_detailed(client=client, page=page, limit=15)
        if history.status_code != 200 or not isinstance(history.parsed, ListSmsHistoryResponse200):
            fail(f"GET /v3/sms/history?page={page}: HTTP {history.status_code}: {history.content[:300]!r}")
        data = history.parsed.data
        if data.current_page != page or not data.data:
            fail(f"GET /v3/sms/history?page={page}: page {data.current_page} with {len(data.data)} item(s)")
        print(f"python: GET /v3/sms/history?page={page} -> 200, page {data.current_page} of {data.last_page}, {len(data.data)} item(s)")
        if data.current_page >= data.last_page:
            break

    # The mock checks security: without credentials the spec's 401 comes back, typed.
    anonymous = get_account.sync_detailed(client=AuthenticatedClient(base_url=base_url, token="", prefix=""))
    if anonymous.status_code != 401:
        fail(f"GET /v3/account without credentials: expected 401, got {anonymous.status_code}")
    print("python: GET /v3/account without credentials -> 401")


if __name__ == "__main__":
    main()
