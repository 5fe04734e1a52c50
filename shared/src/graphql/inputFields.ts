import { IsInt, IsOptional, Length, MaxLength, Min } from "class-validator";
import { Field, Int } from "type-graphql";

/** The `() => Type` of a type-graphql field (the library does not export its name). */
type FieldType = NonNullable<Parameters<typeof Field>[0]>;

/**
 * Field decorators for the input fields every subgraph writes alike: the GraphQL field and its
 * validation in one place, so an optional field cannot lose its `@IsOptional` (and be refused when
 * omitted) nor a text field its length limit (and take a megabyte into a row).
 */

/** Applies the decorators as if stacked in this order above the property (the last one first). */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of [...decorators].reverse()) decorator(target, property);
  };
}

export const VERSION_READ_DESCRIPTION = "The version you read; a different current version means someone else changed it (CONFLICT).";

/** The version of the row a change was made against: optimistic concurrency, checked by the service. */
export function VersionRead(description: string = VERSION_READ_DESCRIPTION): PropertyDecorator {
  return stacked(Field(() => Int, { description }), IsInt(), Min(1));
}

/** A field the caller may omit or send as null (for a change: leave it as it is). */
export function Optional(type: FieldType, description: string): PropertyDecorator {
  return stacked(Field(type, { nullable: true, description }), IsOptional());
}

/** Optional text of at most `max` characters (and at least `min` when given). */
export function OptionalText(description: string, { min, max }: { min?: number; max: number }): PropertyDecorator {
  return stacked(Field(() => String, { nullable: true, description }), IsOptional(), min === undefined ? MaxLength(max) : Length(min, max));
}
