import { ClassType, Field, ObjectType } from "type-graphql";

/**
 * Declares `<name>`, the payload of a mutation that changes one record and answers with it: the
 * record after the change under `field`, described as "Result of a change to a <what>." and
 * "The <noun> after the change.". Payloads that carry more (an event, a second record, `replayed`)
 * are declared as classes of their own.
 */
export function ChangePayload<K extends string, T extends object>(name: string, field: K, recordType: ClassType<T>, what: string, noun: string = what) {
  @ObjectType(name, { description: `Result of a change to a ${what}.` })
  class Payload {}
  // The field's name is the caller's: the decorator is applied by hand, as a class body cannot name it.
  Field(() => recordType, { description: `The ${noun} after the change.` })(Payload.prototype, field);
  return Payload as unknown as ClassType<Record<K, T>>;
}
