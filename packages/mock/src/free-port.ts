import { createServer } from "node:net";

/** Thrown when a server is asked for a port another process is listening on. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`port ${port} on ${host} is already in use`);
    this.name = "PortInUseError";
  }
}

/** Listens on `port` (0: any) for a moment; resolves with the port the OS gave. */
function probe(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (err: NodeJS.ErrnoException) => reject(err.code === "EADDRINUSE" ? new PortInUseError(port, host) : err));
    server.listen(port, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the port the OS assigned"));
      });
    });
  });
}

/** Asks the OS for a free TCP port on 127.0.0.1 (or `host`). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return probe(0, host);
}

/** Rejects with a {@link PortInUseError} when something listens on `port`. */
export async function assertPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  await probe(port, host);
}
