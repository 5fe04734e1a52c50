import { DateScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { OcopProductGroup } from "../domain/enums";

@InputType({ description: "Filters of the product list; all given conditions must hold." })
export class ProductFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the name or brand; case- and diacritic-insensitive ('mat ong u minh' finds 'Mật ong U Minh Hạ')." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: "Only products of these cooperatives." })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID("loose", { each: true })
  cooperativeIds?: string[] | null;

  @Field(() => [OcopProductGroup], { nullable: true, description: "Only products of these OCOP groups." })
  @IsOptional()
  @ArrayMaxSize(6)
  productGroups?: OcopProductGroup[] | null;

  @Field(() => Int, { nullable: true, description: "Only products whose OCOP stars in force on `starsAsOf` are at least this (3–5)." })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(5)
  minStars?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Only products with an OCOP certification in force on `starsAsOf` (true) or without one (false)." })
  @IsOptional()
  ocopRated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only products sold under a brand or mark (true) or without one (false)." })
  @IsOptional()
  branded?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: "Date on which stars count for `minStars` and `ocopRated` (default today, Vietnam time)." })
  @IsOptional()
  starsAsOf?: string | null;
}

export enum ProductOrderField {
  NAME = "NAME",
  REGISTERED_AT = "REGISTERED_AT",
  RELEVANCE = "RELEVANCE",
}
registerLabelledEnum(ProductOrderField, {
  name: "ProductOrderField",
  description: "Field to sort products by.",
  labels: {
    NAME: { en: "Name", vi: "Tên sản phẩm", detail: "in Vietnamese alphabetical order, case-insensitive" },
    REGISTERED_AT: { en: "Registration time", vi: "Thời điểm đăng ký", detail: "when the product was registered in the system" },
    RELEVANCE: { en: "Relevance", vi: "Mức độ phù hợp", detail: "how well the item matches `filter.search`: whole words first, then word prefixes, then words inside words, then near spellings; ties by name in Vietnamese order. Default when searching; needs `filter.search`" },
  },
});


@InputType({ description: "One sort key of the product list." })
export class ProductOrder {
  @Field(() => ProductOrderField, { description: "Field to sort by." })
  field: ProductOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
