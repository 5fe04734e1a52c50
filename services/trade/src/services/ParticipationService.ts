import { assertNotFuture, badInput, checkVersion, ConflictError, inTransaction, isFuture, lockForChange, MutationService, NotFoundError, recordAudit, requireCooperatives, throwIfInvalid } from "@camau/shared";
import { In } from "typeorm";
import { TradeContext } from "../context";
import { shownProductsProblems, supportProblem } from "../domain/participation";
import { Participation, ParticipationProduct, TradeAgreement } from "../entities/Participation";
import { Product } from "../entities/Product";
import { policyOf, TradePromotionProgram } from "../entities/TradePromotionProgram";
import { RecordParticipationResultsInput, RegisterParticipationInput } from "../inputs/ParticipationInputs";
import { assertCanActFor, assertCanGrantSupport } from "../access";
import { cleanText } from "@camau/shared";

/**
 * Cooperatives' participation in trade promotion programs: registration, support granted and results.
 * Each change runs in one transaction that locks what it changes, checks the rules and the
 * caller's right over the cooperative, and records the audit entry; resolvers translate GraphQL
 * arguments into one call of it.
 */
export class ParticipationService extends MutationService<Pick<TradeContext, "viewer" | "dataSource" | "directory">> {
  async registerParticipation(input: RegisterParticipationInput) {
    const cooperativeId = input.cooperativeId.toLowerCase();
    const productIds = input.productIds.map((id) => id.toLowerCase());
    assertCanActFor(this.viewer, cooperativeId);
    if (input.supportAmount > 0) assertCanGrantSupport(this.viewer);
    await requireCooperatives(this.request.directory, [cooperativeId]);
    return inTransaction(this.dataSource, async (manager) => {
      // Shared lock: the program's policy cannot change while the support is checked against it.
      const program = await manager.getRepository(TradePromotionProgram).findOne({ where: { id: input.programId.toLowerCase() }, lock: { mode: "pessimistic_read" } });
      if (!program) throw new NotFoundError("Trade promotion program", input.programId);
      const found = await manager.getRepository(Product).find({ where: { id: In(productIds) }, select: { id: true, cooperativeId: true } });
      throwIfInvalid(shownProductsProblems(cooperativeId, productIds, found), "input.productIds");
      const problem = supportProblem(policyOf(program), input.supportAmount, input.eligibleCost);
      if (problem) throw badInput("input.supportAmount", problem);
      const repository = manager.getRepository(Participation);
      if (await repository.existsBy({ programId: program.id, cooperativeId })) {
        throw new ConflictError(`Cooperative ${cooperativeId} already takes part in program ${program.id}`);
      }
      const participation = await repository.save(
        repository.create({
          programId: program.id,
          cooperativeId,
          boothCount: input.boothCount,
          supportAmount: input.supportAmount,
          eligibleCost: input.eligibleCost ?? null,
          salesRevenue: null,
          resultsRecordedAt: null,
          note: input.note?.trim() || null,
        }),
      );
      await manager.getRepository(ParticipationProduct).insert(productIds.map((productId, position) => ({ participationId: participation.id, productId, cooperativeId, position })));
      await recordAudit(manager, this.viewer, { operation: "registerParticipation", entityType: "Participation", entityId: participation.id, after: { ...participation, productIds } });
      return { participation };
    });
  }

  async recordParticipationResults(input: RecordParticipationResultsInput) {
    if (input.supportAmount != null) assertCanGrantSupport(this.viewer);
    input.agreements.forEach((a, i) => assertNotFuture(a.signedOn, `input.agreements.${i}.signedOn`));
    return inTransaction(this.dataSource, async (manager) => {
      const participation = await lockForChange(manager, Participation, input.participationId, "Participation");
      assertCanActFor(this.viewer, participation.cooperativeId);
      checkVersion("Participation", participation.id, participation.version, input.version);
      const program = await manager.getRepository(TradePromotionProgram).findOne({ where: { id: participation.programId }, lock: { mode: "pessimistic_read" } });
      if (!program) throw new Error(`participation ${participation.id} has no program`);
      if (isFuture(program.startsOn)) throw new ConflictError(`Program ${program.id} starts on ${program.startsOn}: results can be recorded once it has begun`);
      const agreementFields = (a: { counterparty: string; kind: string; value?: number | null; signedOn?: string | null; description?: string | null }) => ({ counterparty: a.counterparty, kind: a.kind, value: a.value ?? null, signedOn: a.signedOn ?? null, description: a.description ?? null });
      const previousAgreements = await manager.getRepository(TradeAgreement).find({ where: { participationId: participation.id }, order: { position: "ASC" } });
      const before = { boothCount: participation.boothCount, supportAmount: participation.supportAmount, salesRevenue: participation.salesRevenue, resultsRecordedAt: participation.resultsRecordedAt, agreements: previousAgreements.map(agreementFields), version: participation.version };
      if (input.supportAmount != null) {
        const problem = supportProblem(policyOf(program), input.supportAmount, participation.eligibleCost);
        if (problem) throw badInput("input.supportAmount", problem);
        participation.supportAmount = input.supportAmount;
      }
      if (input.boothCount != null) participation.boothCount = input.boothCount;
      participation.salesRevenue = input.salesRevenue;
      participation.resultsRecordedAt = new Date();
      const saved = await manager.getRepository(Participation).save(participation);
      await manager.getRepository(TradeAgreement).delete({ participationId: participation.id });
      if (input.agreements.length) {
        await manager.getRepository(TradeAgreement).insert(
          input.agreements.map((a, position) => ({
            participationId: participation.id,
            counterparty: cleanText(a.counterparty),
            kind: a.kind,
            value: a.value ?? null,
            signedOn: a.signedOn ?? null,
            description: a.description?.trim() || null,
            position,
          })),
        );
      }
      await recordAudit(manager, this.viewer, {
        operation: "recordParticipationResults",
        entityType: "Participation",
        entityId: saved.id,
        before,
        after: {
          boothCount: saved.boothCount,
          supportAmount: saved.supportAmount,
          salesRevenue: saved.salesRevenue,
          resultsRecordedAt: saved.resultsRecordedAt,
          agreements: input.agreements.map((a) => agreementFields({ counterparty: cleanText(a.counterparty), kind: a.kind, value: a.value ?? null, signedOn: a.signedOn ?? null, description: a.description?.trim() || null })),
          version: saved.version,
        },
      });
      return { participation: saved };
    });
  }
}
