import { createServer } from "node:net";

/**
 * Fails when something already listens on the port: otherwise readiness polling could find
 * that other process (say, an earlier `npm start`) ready while our service dies on EADDRINUSE.
 */
export async function ensurePortFree(name: string, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`${name} cannot use port ${port} on ${host}: ${error.code === "EADDRINUSE" ? "it is in use (is another instance running?)" : error.message}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
