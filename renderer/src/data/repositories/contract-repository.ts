import type { Approval, ApprovalRulesValue, Contract, Payment } from '@shared/domain';
import { contractActivationRefusal } from '@shared/rules/contract-approval';
import {
  contractNumberRefusal,
  nextContractNumber,
  normalizeContractNumber,
  parseContractNumberPattern,
  type ContractNumberingRule,
} from '@shared/rules/contract-number';
import { RecordValidationError } from '../errors';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';

/** What the contract rules read from other collections, each through its own repository (CONVENTIONS.md 2). */
export interface ContractRuleInputs {
  /** The contract approvals of a contract (approvals collection). */
  approvalsOf: (contractId: string) => Promise<Approval[]>;
  /** The workspace's approval rules (settings kind `approvalRules`). */
  approvalRules: () => Promise<ApprovalRulesValue>;
}

export class ContractRepository extends EntityRepository<'contracts'> {
  constructor(
    ctx: RepositoryContext,
    private readonly rules?: ContractRuleInputs,
  ) {
    super(ctx, 'contracts');
  }

  /**
   * Refuses a number another live contract in the replica has, and activation above the approval threshold without
   * an approval (issue 20); the server holds both rules for contracts this replica cannot see and offline writes.
   */
  override async create(input: CreateInput<Contract>): Promise<Contract> {
    const after = { ...input, id: input.id ?? '', deleted: false };
    await this.refuse(null, after);
    return super.create(input);
  }

  override async update(id: string, patch: UpdateInput<Contract>): Promise<Contract> {
    const current = await this.get(id);
    if (current) await this.refuse(current, { ...current, ...patch });
    return super.update(id, patch);
  }

  private async refuse(
    before: Contract | null,
    after: Pick<Contract, 'id' | 'number' | 'amount' | 'status' | 'deleted'>,
  ): Promise<void> {
    const number = normalizeContractNumber(after.number ?? '');
    const holders = number
      ? await this.find({ selector: { number, deleted: false }, limit: 10 })
      : [];
    if (contractNumberRefusal(before, { ...after, number }, holders))
      throw new RecordValidationError([
        { path: 'number', message: 'contractNumbering.errors.taken' },
      ]);
    if (!this.rules || after.status !== 'active') return;
    const refusal = contractActivationRefusal(
      before,
      after,
      after.id ? await this.rules.approvalsOf(after.id) : [],
      await this.rules.approvalRules(),
    );
    if (refusal)
      throw new RecordValidationError([
        { path: 'status', message: 'contractApproval.errors.needsApproval' },
      ]);
  }

  /**
   * The next number by the workspace's pattern on `today`: the numbers starting with the pattern's leading text
   * (deleted contracts' too: a printed number is not given again), read by the number index.
   */
  async nextNumber(
    rule: ContractNumberingRule,
    today: string,
    /** Numbers taken elsewhere (a number the server refused: another team's contract this replica cannot see). */
    extraTaken: readonly string[] = [],
  ): Promise<string | null> {
    const parsed = parseContractNumberPattern(rule.pattern);
    if (!parsed.ok) return null;
    const first = parsed.parts[0];
    const prefix = first.kind === 'text' ? first.text : '';
    const rows = await this.find({
      selector: prefix ? { number: { $gte: prefix, $lt: `${prefix}\uffff` } } : {},
      limit: 100_000,
    });
    return nextContractNumber(rule, [...rows.map((c) => c.number), ...extraTaken], today);
  }

  byAccount(accountId: string): Promise<Contract[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ updatedAt: 'desc' }],
      limit: 500,
    });
  }

  /** Active contracts ending from `from` through `to` ('YYYY-MM-DD'), soonest first: the renewals view (issue 21). */
  endingBetween(from: string, to: string, limit = 2000): Promise<Contract[]> {
    return this.find({
      selector: { deleted: false, status: 'active', endDate: { $gte: from, $lte: to } },
      sort: [{ endDate: 'asc' }],
      limit,
    });
  }

  listPage(limit: number, skip: number): Promise<Contract[]> {
    return this.newestFirst({ selector: { deleted: false }, limit, skip });
  }

  /**
   * Live contracts still collecting (active, expired) with an instalment not fully received, due
   * before `dueBefore` (the collections aging page; `collectionDueDate` index). The aging rule decides what is overdue.
   */
  collecting(dueBefore: string, ownerId?: string): Promise<Contract[]> {
    return this.find({
      selector: {
        deleted: false,
        ...(ownerId ? { ownerId } : {}),
        collectionDueDate: { $gt: '', $lt: dueBefore },
        status: { $in: ['active', 'expired'] },
      },
      limit: 100_000,
    });
  }

  /** Records a received payment (回款) against the contract. */
  async addPayment(id: string, payment: Omit<Payment, 'id'>): Promise<Contract> {
    const contract = await this.get(id);
    if (!contract) throw new Error(`contracts/${id} not found`);
    return this.update(id, {
      payments: [...contract.payments, { ...payment, id: this.ctx.newId() }],
    });
  }
}
