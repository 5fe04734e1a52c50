/** Whether a process with this id is running (signal 0 checks without disturbing it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
