import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One (old unit, new unit) pair of the July 2025 reform: the old commune-level unit (PRE_2025)
 * became, wholly or in part, part of the new one (POST_2025). A split old unit has one row per
 * new unit it went into, none of them whole.
 */
@Entity("administrative_unit_succession")
@Index(["oldUnitId", "newUnitId"], { unique: true })
@Index(["newUnitId"])
export class AdministrativeUnitSuccession {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "old_unit_id", type: "uuid" })
  oldUnitId: string;

  @Column({ name: "old_code", type: "varchar", length: 10 })
  oldCode: string;

  @Column({ name: "new_unit_id", type: "uuid" })
  newUnitId: string;

  @Column({ name: "new_code", type: "varchar", length: 10 })
  newCode: string;

  /** True when the whole old unit went into the new one; false for a part of a split unit. */
  @Column({ type: "boolean" })
  whole: boolean;

  @Column({ name: "effective_on", type: "date" })
  effectiveOn: string;

  /** The legal act (and its article and clause) that made this succession. */
  @Column({ type: "varchar", length: 255 })
  source: string;
}
