import { DateScalar, VersionRead, Optional, OptionalText } from "@camau/shared";
import { IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { MarkKind, OcopLevel, OcopProductGroup } from "../domain/enums";

@InputType({ description: "The brand or mark a product is sold under (nhãn hiệu)." })
export class ProductBrandInput {
  @Field({ description: "Brand or mark as written on the packaging, e.g. 'Mật ong U Minh Hạ'." })
  @Length(2, 255)
  name: string;

  @Field(() => MarkKind, { description: "Kind of mark." })
  kind: MarkKind;

  @OptionalText("Registration (certificate) number at the IP Office (số văn bằng bảo hộ), if registered.", { max: 100 })
  registrationNumber?: string | null;
}

@InputType({ description: "A new product of a cooperative." })
export class RegisterProductInput {
  @Field(() => ID, { description: "Id of the cooperative that makes it (the registry's id; not checked against the registry)." })
  @IsUUID("loose")
  cooperativeId: string;

  @Field({ description: "Product name, unique within the cooperative (ignoring case and diacritics)." })
  @Length(2, 255)
  name: string;

  @Field(() => OcopProductGroup, { description: "OCOP product group." })
  productGroup: OcopProductGroup;

  @OptionalText("Description for buyers.", { max: 5000 })
  description?: string | null;

  @Field(() => ProductBrandInput, { nullable: true, description: "Brand or collective mark, if any." })
  @IsOptional()
  @ValidateNested()
  brand?: ProductBrandInput | null;
}

@InputType({ description: "Changes to a product; omitted fields stay as they are." })
export class UpdateProductInput {
  @Field(() => ID, { description: "Product id." })
  @IsUUID("loose")
  id: string;

  @VersionRead()
  version: number;

  @OptionalText("New name.", { min: 2, max: 255 })
  name?: string | null;

  @Optional(() => OcopProductGroup, "New OCOP product group.")
  productGroup?: OcopProductGroup | null;

  @OptionalText("New description.", { max: 5000 })
  description?: string | null;

  @Field(() => ProductBrandInput, { nullable: true, description: "New brand or mark." })
  @IsOptional()
  @ValidateNested()
  brand?: ProductBrandInput | null;

  @Optional(() => Boolean, "True to remove the brand (the product is sold unbranded).")
  removeBrand?: boolean | null;
}

@InputType({ description: "An OCOP certification awarded to a product by an evaluation council's decision." })
export class RecordOcopCertificationInput {
  @Field(() => ID, { description: "Product id." })
  @IsUUID("loose")
  productId: string;

  @Field(() => Int, { description: "Stars awarded: 3, 4 or 5." })
  @IsInt()
  @Min(3, { message: "an OCOP rating has at least 3 stars" })
  @Max(5, { message: "an OCOP rating has at most 5 stars" })
  stars: number;

  @Field(() => Int, { description: "Score out of 100; must lie in the stars' band (3★ 50–69, 4★ 70–89, 5★ 90–100)." })
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @Optional(() => OcopLevel, "Council level; derived from the stars when omitted. A 5-star PROVINCIAL (or 3–4-star NATIONAL) certification is refused.")
  level?: OcopLevel | null;

  @Field({ description: "Decision number (số quyết định), e.g. '1234/QĐ-UBND'." })
  @Length(3, 100)
  @Matches(/\S/, { message: "decisionNumber cannot be blank" })
  decisionNumber: string;

  @Field(() => DateScalar, { description: "Date of the decision (not in the future, not before the OCOP program began in May 2018)." })
  certifiedOn: string;

  @Optional(() => DateScalar, "Last day in force; default 36 months after certifiedOn, never later.")
  expiresOn?: string | null;
}
