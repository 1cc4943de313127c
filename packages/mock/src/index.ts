export { startPrism, bundledSpecPath, type PrismOptions, type RunningServer } from "./prism.js";
export {
  startRecordingServer,
  forward,
  type RecordedRequest,
  type RecordingServer,
  type Reply,
  type ReplyHandler,
} from "./recording-server.js";
export { freePort } from "./free-port.js";
