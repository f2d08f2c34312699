import { useMemo, useState } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconKeyboard, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import {
  searchEverything,
  type SearchHit,
  type SearchKind,
} from '../../data/services/global-search';
import { accountKeys } from '../../entities/accounts/queries';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { openShortcutHelp } from '../../components/shortcuts/shortcut-help';
import classes from './global-search.module.css';

const KINDS: SearchKind[] = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'tickets',
  'plans',
  'comments',
];
/** Record collections whose changes refresh the results (plans are searched from their own index). */
const COLLECTIONS = ['accounts', 'contacts', 'leads', 'deals', 'tickets', 'activities'];

/** The Ctrl/Cmd+K palette (opened from anywhere, editors included: components/shortcuts): type a name, mobile, e-mail or credit code; Enter opens the record. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const repos = useRepositories();
  const { documents, search } = useWorkspace();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  // Our listener, not Spotlight's: it also answers inside the plan editor and other rich-text fields.
  useShortcut('search', () => spotlight.open());
  const [debounced] = useDebouncedValue(query, 150);
  const results = useQuery({
    queryKey: accountKeys.globalSearch(debounced),
    queryFn: () => searchEverything(repos, debounced, 5, documents.planIndex, search),
    meta: { collections: COLLECTIONS },
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const groups = useMemo(() => {
    const byKind = new Map<SearchKind, SearchHit[]>();
    for (const hit of results.data ?? [])
      byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), hit]);
    return KINDS.filter((k) => byKind.has(k)).map((k) => ({ kind: k, hits: byKind.get(k) ?? [] }));
  }, [results.data]);

  // The results scroll: their scroll area takes the focus (Tab from the search field), so it can be scrolled
  // from the keyboard too (axe scrollable-region-focusable). Spotlight.ActionsList hands its props to Mantine's
  // ScrollArea.Autosize, whose viewportProps its type does not list.
  const scrollViewport: Record<string, unknown> = {
    viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('app.search.results') },
  };

  // "?" in the palette offers the keyboard shortcut overlay instead of searching for a question mark.
  const wantsHelp = query.trim() === '?';

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={null}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder={t('app.search.placeholder')}
        leftSection={<IconSearch size={18} />}
        data-testid="search-input"
      />
      <Spotlight.ActionsList {...scrollViewport}>
        {wantsHelp && (
          <Spotlight.Action
            onClick={openShortcutHelp}
            leftSection={<IconKeyboard size={18} />}
            label={t('shortcuts.overlay.title')}
            className={classes.action}
            data-testid="search-shortcuts"
          />
        )}
        {!wantsHelp && debounced.trim() === '' && (
          <Spotlight.Empty>{t('app.search.hint')}</Spotlight.Empty>
        )}
        {!wantsHelp && debounced.trim() !== '' && groups.length === 0 && !results.isFetching && (
          <Spotlight.Empty>{t('app.search.nothingFound')}</Spotlight.Empty>
        )}
        {!wantsHelp &&
          groups.map((group) => (
            <Spotlight.ActionsGroup key={group.kind} label={t(`app.search.groups.${group.kind}`)}>
              {group.hits.map((hit) => (
                <Spotlight.Action
                  key={`${hit.kind}-${hit.id}`}
                  onClick={() => void navigate(hit.href)}
                  className={classes.action}
                  data-testid="search-result"
                >
                  <Group wrap="nowrap" w="100%">
                    <Badge size="xs" variant="light">
                      {t(`app.search.groups.${hit.kind}`)}
                    </Badge>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" truncate>
                        {hit.title}
                      </Text>
                      {hit.subtitle && (
                        <Text size="xs" className={classes.subtitle} truncate>
                          {hit.subtitle}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          ))}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
