import { CacheHint } from "@camau/shared";
import { Directive, Field, ObjectType } from "type-graphql";

/**
 * A head-office address. It keeps the administrative units it was registered under (code
 * system PRE_2025 for the old province → district → commune tree), so historical reports stay right.
 */
@Directive(CacheHint.public)
@ObjectType({ description: "Head-office address (địa chỉ trụ sở), with the administrative units it was registered under." })
export class Address {
  @Field(() => String, { nullable: true, description: "Street, house number, hamlet (số nhà, đường, ấp)." })
  street: string | null;

  @Field({ description: "Code of the commune, ward or township (mã xã)." })
  communeCode: string;

  @Field(() => String, { nullable: true, description: "Code of the district (mã huyện) in the pre-2025 tree; null for addresses under the post-2025 two-level system." })
  districtCode: string | null;

  @Field({ description: "Code system of the units: PRE_2025 or POST_2025." })
  codeSystem: string;
}
