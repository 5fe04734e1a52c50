import { OptionalText } from "@camau/shared";
import { Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";

/** What the registration of a cooperative and of a union of cooperatives open with. */
export interface Registration {
  code: string;
  name: string;
  foreignName?: string | null;
  abbreviation?: string | null;
}

/**
 * The opening fields of a registration input, the same for a cooperative and for a union but the
 * code's description: a base class per input (type-graphql puts a base class's fields first; the
 * base type itself is not in the schema, since no field takes it).
 */
export function registrationInput(codeDescription: string): abstract new () => Registration {
  @InputType()
  abstract class RegistrationInput implements Registration {
    @Field({ description: codeDescription })
    @Matches(/^\d{10}$/, { message: "code must be 10 digits" })
    code: string;

    @Field({ description: "Registered Vietnamese name." })
    @Length(3, 255)
    name: string;

    @OptionalText("Name in a foreign language.", { max: 255 })
    foreignName?: string | null;

    @OptionalText("Abbreviated name.", { max: 100 })
    abbreviation?: string | null;
  }
  return RegistrationInput;
}
