import type { Contract, Payment } from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';

export class ContractRepository extends EntityRepository<'contracts'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'contracts');
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

  /** Records a received payment (回款) against the contract. */
  async addPayment(id: string, payment: Omit<Payment, 'id'>): Promise<Contract> {
    const contract = await this.get(id);
    if (!contract) throw new Error(`contracts/${id} not found`);
    return this.update(id, {
      payments: [...contract.payments, { ...payment, id: this.ctx.newId() }],
    });
  }
}
