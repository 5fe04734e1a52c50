import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * A cooperative that sent participants to a class. The cooperative lives in the registry's
 * database: it is referred to by id only (no foreign key across subgraphs).
 */
@Entity("training_class_attendance")
export class TrainingClassAttendance {
  @PrimaryColumn({ name: "class_id", type: "uuid" })
  classId: string;

  @PrimaryColumn({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt: Date;
}
