import { CacheHint } from "@camau/shared";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** Which sector a VSIC code belongs to, by longest matching prefix: configurable data, not code. */
@Directive(CacheHint.reference)
@ObjectType({ description: "Maps VSIC business-line codes starting with a prefix to a sector (longest prefix wins)." })
@Entity("vsic_sector_mapping")
export class VsicSectorMapping {
  @Field({ description: "VSIC code prefix, e.g. 0321 (marine aquaculture) or 01 (agriculture)." })
  @PrimaryColumn({ name: "vsic_prefix", type: "varchar", length: 5 })
  vsicPrefix: string;

  @Field({ description: "Code of the sector." })
  @Column({ name: "sector_code", type: "varchar", length: 40 })
  sectorCode: string;
}
