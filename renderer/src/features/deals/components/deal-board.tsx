import { HiddenValue } from '../../../components/hidden-value';
import { useHiddenFields } from '../../../entities/settings/field-policy';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Badge, Card, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconCalendar, IconUser } from '@tabler/icons-react';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal, PipelineStage, PipelineValue } from '@shared/domain';
import { formatMoney } from '../../../components/format';
import { PendingBadge } from '../../../entities/sync/components/pending-mark';
import { usePendingChange } from '../../../hooks/use-pending-changes';
import { reportWriteError } from '../../../components/write-errors';
import { BusinessRuleError } from '../../../data/errors';
import { useUserMap } from '../../../entities/members/queries';
import {
  BOARD_COLUMN_LIMIT,
  useDealBoard,
  useDealBoardTotals,
  type BoardColumnData,
} from '../../../entities/deals/queries';
import { useAccountNames } from '../../../entities/accounts/queries';
import { useMoveDealMutation, useUpdateDealMutation } from '../../../entities/deals/mutations';
import { useStageLabel } from '../../../entities/deals/stage-label';
import { DealFormModal } from '../../../entities/deals/components/deal-form-modal';
import { StageGateDialog, type RefusedMove } from './stage-gate-dialog';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { isBoardKey, moveBoardFocus } from './board-focus';
import classes from './deal-board.module.css';

const COLUMN_WIDTH = 256;

/**
 * Keyboard dragging starts with Space only: Enter opens the focused deal (issue 16). Space or Enter drops,
 * Escape cancels, and Tab cancels rather than dropping the deal wherever it happens to be.
 */
const KEYBOARD_CODES = {
  start: [KeyboardCode.Space],
  end: [KeyboardCode.Space, KeyboardCode.Enter],
  cancel: [KeyboardCode.Esc, KeyboardCode.Tab],
};

/** The roving-focus id of an empty column (focus goes to the column itself, so every column can be reached). */
const columnItemId = (stageId: string) => `column:${stageId}`;

/** A deal moved on screen before the database has confirmed it (kept until the board re-reads). */
interface PendingMove {
  deal: Deal;
  stageId: string;
  /** The write has been saved; the entry stays until the board's data shows it (see isShownByData). */
  saved?: boolean;
}

/**
 * Keyboard dragging (accessibility): the arrow keys jump from column to column instead of moving the card a
 * few pixels, so a deal can be moved with the keyboard in one key press per stage.
 */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { droppableRects, droppableContainers, collisionRect, over } = context;
  if (!collisionRect) return undefined;
  const code = event.code as KeyboardCode;
  const horizontal = code === KeyboardCode.Right || code === KeyboardCode.Left;
  const vertical = code === KeyboardCode.Down || code === KeyboardCode.Up;
  if (!horizontal && !vertical) return undefined;
  event.preventDefault();
  if (vertical)
    return {
      x: collisionRect.left,
      y: collisionRect.top + (code === KeyboardCode.Down ? 40 : -40),
    };
  const columns = droppableContainers
    .getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((c): c is { id: typeof c.id; rect: NonNullable<typeof c.rect> } => !!c.rect)
    .sort((a, b) => a.rect.left - b.rect.left);
  if (columns.length === 0) return undefined;
  const centerX = collisionRect.left + collisionRect.width / 2;
  let index = columns.findIndex((c) => c.id === over?.id);
  if (index < 0)
    index = columns.findIndex(
      (c) => centerX >= c.rect.left && centerX <= c.rect.left + c.rect.width,
    );
  if (index < 0) index = 0;
  const next =
    columns[
      Math.min(columns.length - 1, Math.max(0, index + (code === KeyboardCode.Right ? 1 : -1)))
    ];
  return { x: next.rect.left + (next.rect.width - collisionRect.width) / 2, y: next.rect.top + 48 };
};

export interface DealBoardProps {
  pipeline: PipelineValue;
  /** The pipeline's id: the board shows its deals only (issue 20: several pipelines). */
  pipelineId?: string;
}

/**
 * The pipeline board (看板): one column per stage (open stages, then won and lost) with the number of deals and
 * their amount. Dragging a card onto another column moves the deal to the end of that stage through
 * DealRepository.moveToStage, which enforces the stage gate; a refused move says what is
 * missing and offers the form to fill it in, or a contact of the decision chain as decision maker.
 *
 * Keyboard (issue 16): the board is one Tab stop (roving focus, board-focus.ts): arrows move between cards and
 * columns, Home/End to the ends of a column, Enter opens the deal, Space picks it up, arrows move it between
 * columns, Space drops it and Escape cancels. The moved card keeps focus in its new column; after a refused
 * move focus returns to the card when the dialog closes.
 */
export function DealBoard({ pipeline, pipelineId }: DealBoardProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const label = useStageLabel();
  const stages = useMemo(
    () => [
      ...pipeline.stages.filter((s) => s.outcome === 'open'),
      ...pipeline.stages.filter((s) => s.outcome !== 'open'),
    ],
    [pipeline],
  );
  const stageIds = useMemo(() => stages.map((s) => s.id), [stages]);
  const board = useDealBoard(stageIds, pipelineId);
  const totals = useDealBoardTotals(stageIds, pipelineId);
  const move = useMoveDealMutation();
  const update = useUpdateDealMutation();
  const users = useUserMap();
  const [pending, setPending] = useState<PendingMove[]>([]);
  const [activeDeal, setActiveDeal] = useState<Deal | null>(null);
  const [refused, setRefused] = useState<RefusedMove | null>(null);
  const [formTarget, setFormTarget] = useState<{ deal: Deal; stageId: string } | null>(null);
  /** The board's one Tab stop: the last focused item (a deal id, or an empty column's item id). */
  const [tabStop, setTabStop] = useState<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  /** A card to focus once it is drawn (after a move, wherever the card then is). */
  const focusNext = useRef<string | null>(null);
  /** The card whose move the gate refused: focus returns to it when the dialog has closed. */
  const gateCard = useRef<string | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: KEYBOARD_CODES,
    }),
  );

  const columns = useMemo(() => applyPending(board.data ?? [], pending), [board.data, pending]);
  const accountIds = useMemo(
    () => columns.flatMap((c) => c.deals.map((d) => d.accountId)),
    [columns],
  );
  const accountNames = useAccountNames(accountIds);
  const money = useCallback(
    (amount: number) => formatMoney(amount, i18n.language),
    [i18n.language],
  );

  /** The focusable items per column, left to right: its cards, or the column itself when it has none. */
  const items = useMemo(
    () =>
      stages.map((stage) => {
        const deals = columns.find((c) => c.stageId === stage.id)?.deals ?? [];
        return deals.length > 0 ? deals.map((d) => d.id) : [columnItemId(stage.id)];
      }),
    [stages, columns],
  );
  const currentTabStop =
    tabStop && items.some((column) => column.includes(tabStop)) ? tabStop : (items[0]?.[0] ?? null);

  const focusItem = useCallback((id: string) => {
    const element = boardRef.current?.querySelector<HTMLElement>(
      `[data-board-item="${CSS.escape(id)}"]`,
    );
    if (!element) return false;
    element.focus();
    return true;
  }, []);

  // A moved card is drawn in its new column (a new element): give it focus there.
  useEffect(() => {
    const id = focusNext.current;
    if (id && focusItem(id)) focusNext.current = null;
  }, [columns, focusItem]);

  const dealById = useCallback(
    (id: unknown) => {
      for (const column of columns) {
        const found = column.deals.find((d) => d.id === id);
        if (found) return found;
      }
      return null;
    },
    [columns],
  );

  const moveDeal = (deal: Deal, stage: PipelineStage) => {
    const entry: PendingMove = { deal, stageId: stage.id };
    setPending((list) => [...list.filter((p) => p.deal.id !== deal.id), entry]);
    move.mutate(
      { id: deal.id, stageId: stage.id, pipeline },
      {
        onError: (error) => {
          setPending((list) => list.filter((p) => p !== entry));
          reportWriteError(error, t);
          if (error instanceof BusinessRuleError && error.messageKey === 'deals.errors.stageGate') {
            gateCard.current = deal.id;
            setRefused({ deal, stage });
          }
        },
        // A saved move stays applied until the live query shows it: dropping it earlier would draw the card
        // back in its old column for a moment (a new element, so the moved card would lose focus).
        onSuccess: () =>
          setPending((list) => list.map((p) => (p === entry ? { ...p, saved: true } : p))),
      },
    );
  };

  useEffect(() => {
    const data = board.data;
    if (!data) return;
    setPending((list) => {
      const next = list.filter((p) => !(p.saved && isShownByData(data, p)));
      return next.length === list.length ? list : next;
    });
  }, [board.data, pending]);

  const handleDragStart = ({ active }: DragStartEvent) => {
    dragging.current = true;
    setActiveDeal(dealById(active.id));
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    dragging.current = false;
    setActiveDeal(null);
    const deal = dealById(active.id);
    const stage = stages.find((s) => s.id === over?.id);
    if (!deal || !stage || stage.id === deal.stage) return;
    focusNext.current = deal.id;
    setTabStop(deal.id);
    moveDeal(deal, stage);
  };

  const handleDragCancel = () => {
    dragging.current = false;
    setActiveDeal(null);
  };

  /** The gate refused a move; a decision-chain contact was picked: save them as decision maker, move again. */
  const handleDecisionMaker = ({ deal, stage }: RefusedMove, contactId: string) => {
    setRefused(null);
    update.mutate(
      { id: deal.id, patch: { decisionMakerId: contactId } },
      {
        onSuccess: (saved) => {
          focusNext.current = deal.id;
          moveDeal(saved, stage);
        },
        onError: (error) => reportWriteError(error, t),
      },
    );
  };

  const handleFocus = (event: FocusEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).dataset.boardItem;
    if (id) setTabStop(id);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || dragging.current) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const id = target.dataset.boardItem;
    if (!id) return;
    if (event.key === 'Enter') {
      const dealId = target.dataset.dealId;
      if (!dealId) return;
      event.preventDefault();
      void navigate(`/deals/${dealId}`);
      return;
    }
    if (!isBoardKey(event.key)) return;
    const column = items.findIndex((list) => list.includes(id));
    if (column < 0) return;
    event.preventDefault();
    const next = moveBoardFocus(
      items.map((list) => list.length),
      { column, item: items[column].indexOf(id) },
      event.key,
    );
    const nextId = items[next.column]?.[next.item];
    if (nextId) focusItem(nextId);
  };

  const announcements = useMemo<Announcements>(() => {
    const nameOf = (id: unknown) => dealById(id)?.name ?? '';
    const stageOf = (id: unknown) => {
      const stage = stages.find((s) => s.id === id);
      return stage ? label(stage) : '';
    };
    return {
      onDragStart: ({ active }) => t('deals.board.a11y.picked', { deal: nameOf(active.id) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('deals.board.a11y.over', { deal: nameOf(active.id), stage: stageOf(over.id) })
          : t('deals.board.a11y.notOver', { deal: nameOf(active.id) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('deals.board.a11y.dropped', { deal: nameOf(active.id), stage: stageOf(over.id) })
          : t('deals.board.a11y.cancelled', { deal: nameOf(active.id) }),
      onDragCancel: ({ active }) => t('deals.board.a11y.cancelled', { deal: nameOf(active.id) }),
    };
  }, [dealById, stages, label, t]);

  if (board.isLoading) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }

  return (
    <>
      <DndContext
        sensors={sensors}
        onDragStart={handleDragStart}
        onDragEnd={handleDragEnd}
        onDragCancel={handleDragCancel}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('deals.board.a11y.instructions') },
        }}
      >
        <div
          ref={boardRef}
          className={classes.board}
          role="group"
          aria-label={t('deals.board.label')}
          onKeyDown={handleKeyDown}
          onFocus={handleFocus}
          data-testid="deal-board"
        >
          <div className={classes.columns}>
            {stages.map((stage) => {
              const column = columns.find((c) => c.stageId === stage.id);
              return (
                <StageColumn
                  key={stage.id}
                  stage={stage}
                  title={label(stage)}
                  column={column}
                  total={totals.data?.[stage.id]}
                  money={money}
                  tabbable={currentTabStop === columnItemId(stage.id)}
                  renderCard={(deal) => (
                    <DraggableDealCard
                      deal={deal}
                      accountName={accountNames.get(deal.accountId) ?? ''}
                      ownerName={users.get(deal.ownerId)?.name ?? ''}
                      money={money}
                      tabbable={currentTabStop === deal.id}
                    />
                  )}
                />
              );
            })}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {activeDeal ? (
            <DealCardOverlay
              deal={activeDeal}
              accountName={accountNames.get(activeDeal.accountId) ?? ''}
              ownerName={users.get(activeDeal.ownerId)?.name ?? ''}
              money={money}
            />
          ) : null}
        </DragOverlay>
      </DndContext>

      <StageGateDialog
        refused={refused}
        onClose={() => setRefused(null)}
        onClosed={() => {
          const id = gateCard.current;
          gateCard.current = null;
          if (id && !formTarget) focusItem(id);
        }}
        onFill={({ deal, stage }, decisionMakerId) => {
          setRefused(null);
          setFormTarget({
            deal: decisionMakerId ? { ...deal, decisionMakerId } : deal,
            stageId: stage.id,
          });
        }}
        onDecisionMaker={handleDecisionMaker}
      />
      <DealFormModal
        opened={!!formTarget}
        onClose={() => {
          const id = formTarget?.deal.id;
          setFormTarget(null);
          // Back to the card once the form has let go of focus (it cannot return it to the closed gate dialog).
          if (id) setTimeout(() => focusItem(id), 0);
        }}
        deal={formTarget?.deal}
        stageId={formTarget?.stageId}
      />
    </>
  );
}

/** The data no longer has the moved card in any other column (it is in its new one, or not loaded at all). */
function isShownByData(columns: BoardColumnData[], { deal, stageId }: PendingMove): boolean {
  return !columns.some(
    (column) => column.stageId !== stageId && column.deals.some((d) => d.id === deal.id),
  );
}

/**
 * Columns as shown: confirmed data with the not-yet-confirmed moves applied (each moved card at the end of its
 * new column). A move the re-read data already contains is left alone.
 */
function applyPending(columns: BoardColumnData[], pending: PendingMove[]): BoardColumnData[] {
  if (pending.length === 0) return columns;
  const out = columns.map((column) => ({ ...column, deals: [...column.deals] }));
  for (const { deal, stageId } of pending) {
    const target = out.find((c) => c.stageId === stageId);
    if (!target || target.deals.some((d) => d.id === deal.id)) continue;
    const source =
      out.find((c) => c.deals.some((d) => d.id === deal.id)) ??
      out.find((c) => c.stageId === deal.stage);
    if (source) {
      source.deals = source.deals.filter((d) => d.id !== deal.id);
      source.count = Math.max(0, source.count - 1);
    }
    target.deals.push({ ...deal, stage: stageId });
    target.count += 1;
  }
  return out;
}

interface StageColumnProps {
  stage: PipelineStage;
  title: string;
  column: BoardColumnData | undefined;
  total: number | undefined;
  money: (amount: number) => string;
  /** The column itself is the board's Tab stop (it has no card). */
  tabbable: boolean;
  renderCard: (deal: Deal) => ReactNode;
}

/**
 * A stage column: a labelled group (stage, number of deals, total) holding a list with a card per deal. The list
 * is the column's vertical scroller; with no card it takes focus itself, so arrows reach every column.
 */
function StageColumn({
  stage,
  title,
  column,
  total,
  money,
  tabbable,
  renderCard,
}: StageColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const color = stage.outcome === 'won' ? 'green' : stage.outcome === 'lost' ? 'red' : 'indigo';
  const deals = column?.deals ?? [];
  const count = column?.count ?? 0;
  const empty = deals.length === 0;
  const summary = t('deals.board.columnLabel', {
    stage: title,
    count,
    total: total === undefined ? '…' : money(total),
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={COLUMN_WIDTH}
      miw={COLUMN_WIDTH}
      // Full height, so a short column is still an easy drop target.
      mih="calc(100vh - 210px)"
      data-testid="stage-column"
      data-stage={stage.id}
      data-over={isOver ? '' : undefined}
      role="group"
      aria-label={title}
      style={{
        background: isOver
          ? `var(--mantine-color-${color}-light)`
          : 'var(--mantine-color-default-hover)',
        borderColor: isOver ? `var(--mantine-color-${color}-filled)` : undefined,
        transition: 'background 120ms',
      }}
    >
      <Stack gap={2} mb="xs" aria-hidden>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm" truncate>
            {title}
          </Text>
          <Badge color={color} variant="light" data-testid="stage-count">
            {count}
          </Badge>
        </Group>
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" data-testid="stage-total">
            {total === undefined ? '…' : money(total)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('deals.board.probability', { value: stage.probability })}
          </Text>
        </Group>
      </Stack>
      <ul
        className={classes.list}
        style={{ maxHeight: 'calc(100vh - 280px)' }}
        aria-label={summary}
        data-testid="stage-list"
        {...(empty
          ? { tabIndex: tabbable ? 0 : -1, 'data-board-item': columnItemId(stage.id) }
          : {})}
      >
        {deals.map((deal) => (
          <li key={deal.id}>{renderCard(deal)}</li>
        ))}
        {empty && (
          <li>
            <Text size="xs" c="dimmed" ta="center" py="md">
              {t('deals.board.emptyColumn')}
            </Text>
          </li>
        )}
        {count > deals.length && deals.length >= BOARD_COLUMN_LIMIT && (
          <li>
            <Text size="xs" c="dimmed" ta="center" py={4}>
              {t('deals.board.more', { count: count - deals.length })}
            </Text>
          </li>
        )}
      </ul>
    </Paper>
  );
}

interface DealCardProps {
  deal: Deal;
  accountName: string;
  ownerName: string;
  money: (amount: number) => string;
}

/**
 * A card: one focusable element (no link inside, axe nested-interactive) that opens the deal on click and on
 * Enter (the board's key handler) and is picked up with Space or a pointer drag.
 */
const DraggableDealCard = memo(function DraggableDealCard({
  tabbable,
  ...props
}: DealCardProps & { tabbable: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A deal this person may not change (viewer, team shared read-only) opens on click but does not drag.
  const { canWrite } = useWriteAccess('deals', props.deal);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: props.deal.id,
    disabled: !canWrite,
  });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      setActivatorNodeRef(node);
    },
    [setNodeRef, setActivatorNodeRef],
  );
  return (
    <Card
      ref={ref}
      withBorder
      padding="xs"
      className={classes.card}
      {...attributes}
      {...listeners}
      tabIndex={tabbable ? 0 : -1}
      // It still opens when it cannot be dragged: not a disabled button.
      aria-disabled={undefined}
      aria-roledescription={t('deals.board.a11y.card')}
      // Named by its content (name, account, amount, close date, owner): an aria-label with the name only
      // would hide the rest and differ from the visible label (axe label-content-name-mismatch).
      onClick={() => void navigate(`/deals/${props.deal.id}`)}
      data-testid="deal-card"
      data-board-item={props.deal.id}
      data-deal-name={props.deal.name}
      data-deal-id={props.deal.id}
      data-draggable={canWrite ? '' : undefined}
      data-read-only={canWrite ? undefined : 'true'}
      style={{ opacity: isDragging ? 0.4 : 1 }}
    >
      <DealCardContent {...props} />
    </Card>
  );
});

/** The card that follows the pointer while dragging (drawn above the columns, so it is never clipped). */
function DealCardOverlay(props: DealCardProps) {
  return (
    <Card
      withBorder
      padding="xs"
      shadow="md"
      data-testid="deal-card-overlay"
      style={{ cursor: 'grabbing', width: COLUMN_WIDTH - 20 }}
    >
      <DealCardContent {...props} />
    </Card>
  );
}

function DealCardContent({ deal, accountName, ownerName, money }: DealCardProps) {
  const { t } = useTranslation();
  const hidden = useHiddenFields('deals', deal);
  const waiting = usePendingChange('deals', deal.id);
  return (
    <>
      {waiting && <PendingBadge change={waiting} compact />}
      <Text fw={600} size="sm" lineClamp={2} data-testid="deal-card-name">
        {deal.name}
      </Text>
      {accountName && (
        <Text size="xs" c="dimmed" truncate data-testid="deal-card-account">
          {accountName}
        </Text>
      )}
      <div className={classes.cardFacts}>
        <Text size="sm" fw={500} data-testid="deal-card-amount">
          {hidden.has('amount') ? <HiddenValue /> : money(deal.amount)}
        </Text>
        {deal.closeDate ? (
          <span className={classes.closeDate} title={t('fields.closeDate')}>
            <IconCalendar size={12} aria-hidden />
            <Text span size="xs" c="dimmed" data-testid="deal-card-close-date">
              {deal.closeDate}
            </Text>
          </span>
        ) : null}
      </div>
      {ownerName && (
        <Group gap={4} wrap="nowrap" mt={2} title={t('fields.ownerId')}>
          <IconUser size={12} aria-hidden />
          <Text size="xs" c="dimmed" truncate data-testid="deal-card-owner">
            {ownerName}
          </Text>
        </Group>
      )}
    </>
  );
}
