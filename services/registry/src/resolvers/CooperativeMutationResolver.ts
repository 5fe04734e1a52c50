import { Authorized, Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { AdmitToAllianceInput, ChangeCooperativeStatusInput, RecordClassificationInput, RegisterCooperativeInput, UpdateCooperativeInput } from "../inputs/CooperativeInputs";
import { RegistryContext } from "../context";
import { ClassificationPayload, CooperativePayload } from "./payloads";
import { REGISTRY_WRITERS } from "../access";
import { CooperativeService } from "../services/CooperativeService";

/** Mutations of the registry: each translates its input into one call of CooperativeService. */
@Resolver()
export class CooperativeMutationResolver {
  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativePayload, { description: "Registers a new cooperative with its founding members (OFFICER, ADMIN)." })
  registerCooperative(@Arg("input", () => RegisterCooperativeInput, { description: "Registration data." }) input: RegisterCooperativeInput, @Ctx() ctx: RegistryContext): Promise<CooperativePayload> {
    return new CooperativeService(ctx).registerCooperative(input);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativePayload, { description: "Changes registration data; records RENAMED, ADDRESS_CHANGED or DETAILS_CHANGED in the history (OFFICER, ADMIN)." })
  updateCooperative(@Arg("input", () => UpdateCooperativeInput, { description: "The changes." }) input: UpdateCooperativeInput, @Ctx() ctx: RegistryContext): Promise<CooperativePayload> {
    return new CooperativeService(ctx).updateCooperative(input);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativePayload, { description: "Changes the legal status; only allowed transitions (e.g. ACTIVE → SUSPENDED, IN_DISSOLUTION → DISSOLVED), else CONFLICT. Ending states end all memberships (OFFICER, ADMIN)." })
  changeCooperativeStatus(@Arg("input", () => ChangeCooperativeStatusInput, { description: "The new status and when it took effect." }) input: ChangeCooperativeStatusInput, @Ctx() ctx: RegistryContext): Promise<CooperativePayload> {
    return new CooperativeService(ctx).changeCooperativeStatus(input);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => ClassificationPayload, { description: "Records the annual classification; the rating follows from the score. One per cooperative and year (OFFICER, ADMIN)." })
  recordClassification(@Arg("input", () => RecordClassificationInput, { description: "Year and score." }) input: RecordClassificationInput, @Ctx() ctx: RegistryContext): Promise<ClassificationPayload> {
    return new CooperativeService(ctx).recordClassification(input);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativePayload, { description: "Admits an ACTIVE cooperative to the provincial Cooperative Alliance (OFFICER, ADMIN)." })
  admitToAlliance(@Arg("input", () => AdmitToAllianceInput, { description: "Who and when." }) input: AdmitToAllianceInput, @Ctx() ctx: RegistryContext): Promise<CooperativePayload> {
    return new CooperativeService(ctx).admitToAlliance(input);
  }
}
