/**
 * Runs `action` with process.stderr swallowed, for tests that provoke errors the services are
 * meant to log (masked errors, timeouts): the log lines are expected and would only be noise.
 */
export async function quietStderr<T>(action: () => Promise<T>): Promise<T> {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await action();
  } finally {
    process.stderr.write = write;
  }
}
