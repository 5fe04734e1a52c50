import { DataSource } from "typeorm";
import { Viewer } from "../auth/viewer";

/** The part of a request every subgraph's write services need: who acts, and the database. */
export interface MutationRequest {
  viewer: Viewer;
  dataSource: DataSource;
}

/**
 * Base of the services that own an aggregate's changes (transaction, locking, rules, audit): one
 * is made per request from the request context, so the actor of every audit entry is the caller.
 * `request` keeps whatever else a service needs of the context (e.g. the registry client).
 */
export abstract class MutationService<R extends MutationRequest = MutationRequest> {
  protected readonly viewer: Viewer;
  protected readonly dataSource: DataSource;

  constructor(protected readonly request: R) {
    this.viewer = request.viewer;
    this.dataSource = request.dataSource;
  }
}
