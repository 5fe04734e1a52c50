import { badInput, changedFields, communeNameOf, checkVersion, ConflictError, ForbiddenError, lockForChange, lockVersionForChange, MutationService, NotFoundError, pastOrToday, recordAudit } from "@camau/shared";
import { EntityManager } from "typeorm";
import { assertCanApplyFor } from "../access";
import { FundRequest } from "../context";
import { ApplicationStatus, AppraisalRecommendation } from "../domain/enums";
import { ApplicationAction, applicationActionProblem, makerCheckerProblem, signedLoanState } from "../domain/lifecycle";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { LoanProduct } from "../entities/LoanProduct";
import { ApplicationVersionInput, AppraiseLoanApplicationInput, ApproveLoanApplicationInput, RejectLoanApplicationInput, SignLoanContractInput, SubmitLoanApplicationInput, WithdrawLoanApplicationInput } from "../inputs/ApplicationInputs";
import { checkRate, mutation } from "./domainErrors";

/** An application after a change. */
export interface ApplicationChanged {
  application: LoanApplication;
}

/** A signed contract: the application it came from and the new loan. */
export interface SignedContract {
  application: LoanApplication;
  loan: Loan;
}

async function isSigned(manager: EntityManager, applicationId: string): Promise<boolean> {
  return manager.getRepository(Loan).existsBy({ applicationId });
}

/** Next contract number of a year, e.g. QHT-2021-0007 (a counter row per year, locked by the upsert). */
async function nextContractNumber(manager: EntityManager, year: number): Promise<string> {
  const rows: { last_number: number }[] = await manager.query(
    `INSERT INTO contract_counter (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = contract_counter.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return `QHT-${year}-${String(rows[0].last_number).padStart(4, "0")}`;
}

/**
 * A loan application from submission to signed contract: each change runs in one transaction that
 * locks the application, checks the version the caller read and the lifecycle rules, and records
 * the audit entry. Resolvers translate GraphQL arguments into one call of it.
 */
export class LoanApplicationService extends MutationService<FundRequest> {
  async submitLoanApplication(input: SubmitLoanApplicationInput): Promise<ApplicationChanged> {
    const cooperativeId = input.cooperativeId.toLowerCase();
    assertCanApplyFor(this.viewer, cooperativeId);
    const submittedOn = pastOrToday(input.submittedOn, "input.submittedOn");
    const product = await this.dataSource.getRepository(LoanProduct).findOneBy({ id: input.productId.toLowerCase() });
    if (!product) throw new NotFoundError("Loan product", input.productId);
    if (!product.active) throw new ConflictError(`Loan product ${product.code} is no longer open to applications`);
    if (input.requestedAmount > product.maxAmount) throw badInput("input.requestedAmount", `exceeds the product's maximum of ${product.maxAmount} đồng`);
    if (input.requestedTermMonths > product.maxTermMonths) throw badInput("input.requestedTermMonths", `exceeds the product's maximum of ${product.maxTermMonths} months`);
    if (input.requestedTermMonths <= product.graceMonths) throw badInput("input.requestedTermMonths", `must be longer than the product's ${product.graceMonths} grace months`);
    if (product.collateralRequired && !input.collateral?.trim()) throw badInput("input.collateral", `product ${product.code} requires collateral`);
    // Asked outside the transaction: a network call never holds database locks.
    const borrower = await this.request.directory.find(cooperativeId);
    if (!borrower) throw new NotFoundError("Cooperative", input.cooperativeId);
    if (borrower.status !== "ACTIVE") throw new ConflictError(`Cooperative ${cooperativeId} is ${borrower.status} in the registry; only an ACTIVE cooperative may apply for a loan`);
    return mutation(this.dataSource, async (manager) => {
      const repository = manager.getRepository(LoanApplication);
      const application = await repository.save(
        repository.create({
          cooperativeId,
          productId: product.id,
          projectName: input.projectName.normalize("NFC"),
          purpose: input.purpose.normalize("NFC"),
          requestedAmount: input.requestedAmount,
          requestedTermMonths: input.requestedTermMonths,
          collateral: input.collateral?.normalize("NFC") ?? null,
          status: ApplicationStatus.SUBMITTED,
          submittedOn,
          submittedBy: this.viewer.subject,
          submittedByRole: this.viewer.role,
          borrower: {
            sectorCode: borrower.sectorCode,
            sectorName: borrower.sectorName,
            districtCode: borrower.districtCode,
            districtName: borrower.districtName,
            communeCode: borrower.communeCode ?? null,
            communeName: communeNameOf(borrower.districtCode, borrower.communeCode),
            takenAt: new Date(),
          },
        }),
      );
      await recordAudit(manager, this.viewer, { operation: "submitLoanApplication", entityType: "LoanApplication", entityId: application.id, after: application });
      return { application };
    });
  }

  async startLoanAppraisal(input: ApplicationVersionInput): Promise<ApplicationChanged> {
    return mutation(this.dataSource, async (manager) => {
      const application = await this.lockFor(manager, input, ApplicationAction.START_APPRAISAL);
      const before = { ...application };
      application.status = ApplicationStatus.UNDER_APPRAISAL;
      application.appraisalStartedBy = this.viewer.subject;
      application.appraisalStartedAt = new Date();
      return this.saveAndAudit(manager, "startLoanAppraisal", before, application);
    });
  }

  async appraiseLoanApplication(input: AppraiseLoanApplicationInput): Promise<ApplicationChanged> {
    return mutation(this.dataSource, async (manager) => {
      const application = await this.lockFor(manager, input, ApplicationAction.APPRAISE);
      const before = { ...application };
      const product = (await manager.getRepository(LoanProduct).findOneBy({ id: application.productId }))!;
      const recommended = input.recommendedAmount ?? (input.recommendation === AppraisalRecommendation.APPROVE ? application.requestedAmount : null);
      if (recommended !== null && recommended > product.maxAmount) throw badInput("input.recommendedAmount", `exceeds the product's maximum of ${product.maxAmount} đồng`);
      application.appraisedBy = this.viewer.subject;
      application.appraisedAt = new Date();
      application.appraisalRecommendation = input.recommendation;
      application.recommendedAmount = recommended;
      application.appraisalNotes = input.notes.normalize("NFC");
      return this.saveAndAudit(manager, "appraiseLoanApplication", before, application);
    });
  }

  async approveLoanApplication(input: ApproveLoanApplicationInput): Promise<ApplicationChanged> {
    const decidedOn = pastOrToday(input.decidedOn, "input.decidedOn");
    if (input.approvedAnnualInterestRate != null) checkRate(input.approvedAnnualInterestRate, "input.approvedAnnualInterestRate");
    return mutation(this.dataSource, async (manager) => {
      const application = await this.lockFor(manager, input, ApplicationAction.APPROVE);
      const before = { ...application };
      const makerChecker = makerCheckerProblem(application.appraisedBy, this.viewer.subject);
      if (makerChecker) throw new ForbiddenError(makerChecker);
      const product = (await manager.getRepository(LoanProduct).findOneBy({ id: application.productId }))!;
      if (input.approvedAmount > application.requestedAmount) throw badInput("input.approvedAmount", `exceeds the amount requested (${application.requestedAmount} đồng)`);
      if (input.approvedAmount > product.maxAmount) throw badInput("input.approvedAmount", `exceeds the product's maximum of ${product.maxAmount} đồng`);
      if (input.approvedTermMonths > product.maxTermMonths) throw badInput("input.approvedTermMonths", `exceeds the product's maximum of ${product.maxTermMonths} months`);
      if (input.approvedTermMonths <= product.graceMonths) throw badInput("input.approvedTermMonths", `must be longer than the product's ${product.graceMonths} grace months`);
      if (decidedOn < application.submittedOn) throw badInput("input.decidedOn", `cannot be before the application was submitted (${application.submittedOn})`);
      application.status = ApplicationStatus.APPROVED;
      application.decidedBy = this.viewer.subject;
      application.decidedAt = new Date();
      application.decidedOn = decidedOn;
      application.approvedAmount = input.approvedAmount;
      application.approvedTermMonths = input.approvedTermMonths;
      application.approvedAnnualRate = input.approvedAnnualInterestRate ?? product.annualInterestRate;
      application.decisionReason = input.reason?.normalize("NFC") ?? null;
      return this.saveAndAudit(manager, "approveLoanApplication", before, application);
    });
  }

  async rejectLoanApplication(input: RejectLoanApplicationInput): Promise<ApplicationChanged> {
    const decidedOn = pastOrToday(input.decidedOn, "input.decidedOn");
    return mutation(this.dataSource, async (manager) => {
      const application = await this.lockFor(manager, input, ApplicationAction.REJECT);
      const before = { ...application };
      const makerChecker = makerCheckerProblem(application.appraisedBy, this.viewer.subject);
      if (makerChecker) throw new ForbiddenError(makerChecker);
      if (decidedOn < application.submittedOn) throw badInput("input.decidedOn", `cannot be before the application was submitted (${application.submittedOn})`);
      application.status = ApplicationStatus.REJECTED;
      application.decidedBy = this.viewer.subject;
      application.decidedAt = new Date();
      application.decidedOn = decidedOn;
      application.decisionReason = input.reason.normalize("NFC");
      return this.saveAndAudit(manager, "rejectLoanApplication", before, application);
    });
  }

  async withdrawLoanApplication(input: WithdrawLoanApplicationInput): Promise<ApplicationChanged> {
    return mutation(this.dataSource, async (manager) => {
      const application = await lockForChange(manager, LoanApplication, input.applicationId, "Loan application");
      assertCanApplyFor(this.viewer, application.cooperativeId);
      checkVersion("Loan application", application.id, application.version, input.version);
      await this.assertAllowed(manager, application, ApplicationAction.WITHDRAW);
      const before = { ...application };
      application.status = ApplicationStatus.WITHDRAWN;
      application.withdrawnBy = this.viewer.subject;
      application.withdrawnAt = new Date();
      application.withdrawalReason = input.reason?.normalize("NFC") ?? null;
      return this.saveAndAudit(manager, "withdrawLoanApplication", before, application);
    });
  }

  async signLoanContract(input: SignLoanContractInput): Promise<SignedContract> {
    const signedOn = pastOrToday(input.signedOn, "input.signedOn");
    return mutation(this.dataSource, async (manager) => {
      const application = await this.lockFor(manager, input, ApplicationAction.SIGN_CONTRACT);
      if (signedOn < application.decidedOn!) throw badInput("input.signedOn", `cannot be before the approval (${application.decidedOn})`);
      const product = (await manager.getRepository(LoanProduct).findOneBy({ id: application.productId }))!;
      const repository = manager.getRepository(Loan);
      const loan = await repository.save(
        repository.create({
          contractNumber: await nextContractNumber(manager, Number(signedOn.slice(0, 4))),
          applicationId: application.id,
          cooperativeId: application.cooperativeId,
          productId: product.id,
          signedOn,
          signedBy: this.viewer.subject,
          principal: application.approvedAmount!,
          annualInterestRate: application.approvedAnnualRate!,
          termMonths: application.approvedTermMonths!,
          ...signedLoanState(product, application.approvedTermMonths!, signedOn),
          firstDisbursedOn: null,
          borrower: { ...application.borrower },
        }),
      );
      // The application changes too (a contract now hangs off it): its version moves on.
      const before = { version: application.version };
      application.updatedAt = new Date();
      const saved = await manager.getRepository(LoanApplication).save(application);
      await recordAudit(manager, this.viewer, { operation: "signLoanContract", entityType: "Loan", entityId: loan.id, after: loan });
      await recordAudit(manager, this.viewer, { operation: "signLoanContract", entityType: "LoanApplication", entityId: saved.id, before, after: { loanId: loan.id, contractNumber: loan.contractNumber, version: saved.version } });
      return { application: saved, loan };
    });
  }

  /** Locks the application for a step of its lifecycle: the version the caller read, then the lifecycle rule. */
  private async lockFor(manager: EntityManager, input: { applicationId: string; version: number }, action: ApplicationAction): Promise<LoanApplication> {
    const application = await lockVersionForChange(manager, LoanApplication, input.applicationId, input.version, "Loan application");
    await this.assertAllowed(manager, application, action);
    return application;
  }

  private async assertAllowed(manager: EntityManager, application: LoanApplication, action: ApplicationAction): Promise<void> {
    const signed = action === ApplicationAction.WITHDRAW || action === ApplicationAction.SIGN_CONTRACT ? await isSigned(manager, application.id) : false;
    const problem = applicationActionProblem(action, { status: application.status, appraised: application.appraisedBy !== null, signed });
    if (problem) throw new ConflictError(`Loan application ${application.id}: ${problem}`);
  }

  /** Saves a changed application and records the fields that changed, in the same transaction. */
  private async saveAndAudit(manager: EntityManager, operation: string, before: object, application: LoanApplication): Promise<ApplicationChanged> {
    const saved = await manager.getRepository(LoanApplication).save(application);
    const change = changedFields(before, saved);
    await recordAudit(manager, this.viewer, { operation, entityType: "LoanApplication", entityId: saved.id, before: change.before, after: change.after });
    return { application: saved };
  }
}
