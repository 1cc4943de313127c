#!/usr/bin/env node
// `npx clicksend-mock`: the ClickSend mock on PORT (default 4010) and HOST (default 127.0.0.1).
import "../dist/cli.js";
