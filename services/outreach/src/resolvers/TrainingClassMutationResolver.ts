import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { OutreachContext } from "../context";
import { CancelTrainingClassInput, CreateTrainingClassInput, RecordAttendanceInput, UpdateTrainingClassInput } from "../inputs/TrainingClassInputs";
import { TrainingClassPayload } from "./payloads";
import { OUTREACH_WRITERS } from "../access";
import { TrainingClassService } from "../services/TrainingClassService";

/** Mutations of outreach: each translates its input into one call of TrainingClassService. */
@Resolver()
export class TrainingClassMutationResolver {
  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => TrainingClassPayload, { description: "Records a new class, SCHEDULED until its attendance is recorded (OFFICER, ADMIN)." })
  createTrainingClass(@Arg("input", () => CreateTrainingClassInput, { description: "The class." }) input: CreateTrainingClassInput, @Ctx() ctx: OutreachContext): Promise<TrainingClassPayload> {
    return new TrainingClassService(ctx).createTrainingClass(input);
  }

  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => TrainingClassPayload, { description: "Changes a class; CONFLICT when the version is stale or the class is cancelled (OFFICER, ADMIN)." })
  updateTrainingClass(@Arg("input", () => UpdateTrainingClassInput, { description: "The changes." }) input: UpdateTrainingClassInput, @Ctx() ctx: OutreachContext): Promise<TrainingClassPayload> {
    return new TrainingClassService(ctx).updateTrainingClass(input);
  }

  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => TrainingClassPayload, { description: "Cancels a SCHEDULED class; it no longer counts anywhere. A held class cannot be cancelled (CONFLICT) (OFFICER, ADMIN)." })
  cancelTrainingClass(@Arg("input", () => CancelTrainingClassInput, { description: "Which class and why." }) input: CancelTrainingClassInput, @Ctx() ctx: OutreachContext): Promise<TrainingClassPayload> {
    return new TrainingClassService(ctx).cancelTrainingClass(input);
  }

  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => TrainingClassPayload, {
    description: "Records (or corrects) the attendance of a class that has started: the number of participants and the cooperatives that sent them. The class becomes HELD (OFFICER, ADMIN). Every cooperative must exist in the registry (else NOT_FOUND).",
  })
  recordTrainingClassAttendance(@Arg("input", () => RecordAttendanceInput, { description: "The attendance." }) input: RecordAttendanceInput, @Ctx() ctx: OutreachContext): Promise<TrainingClassPayload> {
    return new TrainingClassService(ctx).recordTrainingClassAttendance(input);
  }
}
