// A recording ClickSend stand-in that misbehaves on cue: the first requests get scripted faults
// (429 with Retry-After, 503, no answer, a reset connection), the rest are answered by an
// upstream such as Prism, so a test sees how a client copes and what it sent.
import { forward, startRecordingServer, type RecordingServer, type Reply } from "./recording-server.js";

const envelope = (status: number, responseCode: string, responseMsg: string) => ({
  http_code: status,
  response_code: responseCode,
  response_msg: responseMsg,
  data: null,
});

/** Replies that play ClickSend having a bad moment, with the envelope ClickSend answers with. */
export const faults = {
  /** 429 Too Many Requests with `Retry-After: <seconds>`. */
  rateLimited(retryAfterSeconds = 1): Reply {
    return {
      status: 429,
      headers: { "retry-after": String(retryAfterSeconds) },
      body: envelope(429, "TOO_MANY_REQUESTS", "Too many requests. Please slow down."),
    };
  },
  /** 503 Service Unavailable. */
  unavailable(): Reply {
    return { status: 503, body: envelope(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Please try again.") };
  },
  /** No answer at all: the client's timeout decides what happens. */
  noAnswer(): Reply {
    return { noAnswer: true };
  },
  /** The connection is reset before any answer: the request may or may not have been handled. */
  connectionReset(): Reply {
    return { reset: "before-response" };
  },
} as const;

export interface ClickSendStandInOptions {
  /** Replies to the first requests, in order (see {@link faults}); later requests go to `upstream`. */
  faults?: Reply[];
  /**
   * Where requests go once the faults are used up, e.g. the URL of a Prism mock (`prismUrl()`).
   * Without one they get a 200 envelope with `data: null`.
   */
  upstream?: string;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
}

/** Starts the stand-in on 127.0.0.1; `requests` lists everything it received, faulted or not. */
export function startClickSendStandIn(options: ClickSendStandInOptions = {}): Promise<RecordingServer> {
  const script = [...(options.faults ?? [])];
  return startRecordingServer(
    (request) => {
      const fault = script.shift();
      if (fault) return fault;
      if (options.upstream) return forward(request, options.upstream);
      return { status: 200, body: { http_code: 200, response_code: "SUCCESS", response_msg: "Recorded.", data: null } };
    },
    options.port === undefined ? {} : { port: options.port },
  );
}
