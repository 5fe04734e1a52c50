import { badInput, changedFields, checkVersion, inTransaction, lockForChange, MutationService, recordAudit } from "@camau/shared";
import { supportProblem, SupportPolicyRule } from "../domain/participation";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";
import { CreateProgramInput, SupportPolicyInput, UpdateProgramInput } from "../inputs/ProgramInputs";
import { cleanText } from "@camau/shared";

function policyRule(input: SupportPolicyInput): SupportPolicyRule {
  return { legalBasis: cleanText(input.legalBasis), percentage: input.percentage ?? null, capPerCooperative: input.capPerCooperative ?? null };
}

function applyPolicy(program: TradePromotionProgram, policy: SupportPolicyRule | null): void {
  program.policyLegalBasis = policy?.legalBasis ?? null;
  program.policyPercentage = policy?.percentage ?? null;
  program.policyCapPerCooperative = policy?.capPerCooperative ?? null;
}

/**
 * Trade promotion programs and their support policies.
 * Each change runs in one transaction that locks what it changes, checks the rules and the
 * caller's right over the cooperative, and records the audit entry; resolvers translate GraphQL
 * arguments into one call of it.
 */
export class ProgramService extends MutationService {
  async createTradePromotionProgram(input: CreateProgramInput) {
    if (input.endsOn < input.startsOn) throw badInput("input.endsOn", "cannot be before startsOn");
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(TradePromotionProgram);
      const program = repository.create({
        name: cleanText(input.name),
        kind: input.kind,
        organiser: cleanText(input.organiser),
        venue: cleanText(input.venue),
        province: cleanText(input.province),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        budget: input.budget ?? null,
        budgetSource: input.budgetSource ?? null,
        description: input.description?.trim() || null,
      });
      applyPolicy(program, input.supportPolicy ? policyRule(input.supportPolicy) : null);
      const saved = await repository.save(program);
      await recordAudit(manager, this.viewer, { operation: "createTradePromotionProgram", entityType: "TradePromotionProgram", entityId: saved.id, after: saved });
      return { program: saved };
    });
  }

  async updateTradePromotionProgram(input: UpdateProgramInput) {
    if (input.supportPolicy && input.removeSupportPolicy) throw badInput("input.removeSupportPolicy", "cannot be combined with a new supportPolicy");
    return inTransaction(this.dataSource, async (manager) => {
      const program = await lockForChange(manager, TradePromotionProgram, input.id, "Trade promotion program");
      checkVersion("Program", program.id, program.version, input.version);
      const before = { ...program };
      if (input.name != null) program.name = cleanText(input.name);
      if (input.kind != null) program.kind = input.kind;
      if (input.organiser != null) program.organiser = cleanText(input.organiser);
      if (input.venue != null) program.venue = cleanText(input.venue);
      if (input.province != null) program.province = cleanText(input.province);
      if (input.startsOn != null) program.startsOn = input.startsOn;
      if (input.endsOn != null) program.endsOn = input.endsOn;
      if (program.endsOn < program.startsOn) throw badInput(input.endsOn != null ? "input.endsOn" : "input.startsOn", "the program would end before it starts");
      if (input.budget != null) program.budget = input.budget;
      if (input.budgetSource != null) program.budgetSource = input.budgetSource;
      if (input.description != null) program.description = input.description.trim() || null;
      if (input.supportPolicy || input.removeSupportPolicy) {
        const policy = input.supportPolicy ? policyRule(input.supportPolicy) : null;
        const granted: { support_amount: string; eligible_cost: string | null }[] = await manager.query(
          `SELECT support_amount, eligible_cost FROM participation WHERE program_id = $1 AND support_amount > 0`,
          [program.id],
        );
        for (const row of granted) {
          const problem = supportProblem(policy, Number(row.support_amount), row.eligible_cost == null ? null : Number(row.eligible_cost));
          if (problem) {
            throw badInput(input.supportPolicy ? "input.supportPolicy" : "input.removeSupportPolicy", `does not cover support of ${row.support_amount} đồng already granted to a participant: ${problem}`);
          }
        }
        applyPolicy(program, policy);
      }
      const saved = await manager.getRepository(TradePromotionProgram).save(program);
      const change = changedFields(before, saved);
      await recordAudit(manager, this.viewer, { operation: "updateTradePromotionProgram", entityType: "TradePromotionProgram", entityId: saved.id, before: change.before, after: change.after });
      return { program: saved };
    });
  }
}
