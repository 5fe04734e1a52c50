import { stopTestServer } from "./testDatabase";

/** Mocha root hooks (loaded through .mocharc): stop the embedded PostgreSQL after all suites. */
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopTestServer();
  },
};
