/** Idempotency keys: 8–100 characters of letters, digits and . _ : - (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
export const IDEMPOTENCY_KEY_MESSAGE = "idempotencyKey must be 8–100 letters, digits or . _ : -";
