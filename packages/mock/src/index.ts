export { startPrism, bundledSpecPath, type PrismOptions, type RunningServer } from "./prism.js";
export {
  startRecordingServer,
  forward,
  type RecordedRequest,
  type RecordingServer,
  type Reply,
  type ReplyHandler,
} from "./recording-server.js";
export { startClickSendStandIn, faults, type ClickSendStandInOptions } from "./stand-in.js";
export { freePort, assertPortFree, PortInUseError } from "./free-port.js";
