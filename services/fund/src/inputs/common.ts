import { stacked, VersionRead } from "@camau/shared";
import { IsUUID, Matches } from "class-validator";
import { Field, ID } from "type-graphql";

/** Idempotency keys: 8–100 characters of letters, digits and . _ : - (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
export const IDEMPOTENCY_KEY_MESSAGE = "idempotencyKey must be 8–100 letters, digits or . _ : -";

/** `loanId`: the loan a mutation acts on, refused before anything runs unless it is a UUID. */
export function LoanIdField(): PropertyDecorator {
  return stacked(Field(() => ID, { description: "Loan id." }), IsUUID());
}

/**
 * `idempotencyKey`: a key the client chooses for a money movement, so that a request sent again
 * (a timeout, a double click) answers the first result; `twice` says what it then does not repeat.
 */
export function IdempotencyKeyField(twice: string): PropertyDecorator {
  return stacked(
    Field({ description: `Client-chosen key (e.g. a UUID): sending the same key again returns the first result and ${twice}.` }),
    Matches(IDEMPOTENCY_KEY, { message: IDEMPOTENCY_KEY_MESSAGE }),
  );
}

/** `version`: the version of the record the caller read (optimistic concurrency); `of` names the record when the input names several. */
export function VersionReadField(of?: string): PropertyDecorator {
  return VersionRead(`The ${of ? `${of} ` : ""}version you read; a different current version is a CONFLICT.`);
}
