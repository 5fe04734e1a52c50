import { stopE2eStack } from "./stack";

/**
 * Root hook, loaded through .mocharc before shared's: root afterAll hooks run in the order they
 * were registered, and the services must stop before the test PostgreSQL server does.
 */
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopE2eStack();
  },
};
