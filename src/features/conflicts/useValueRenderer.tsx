import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import { useReferenceData } from '../../app/ui/useReferenceData';
import { useDisplayNames } from '../organisations/displayNames';
import type { ValueView } from './describeValue';

/**
 * Turns a described value into what people read: translated, Intl-formatted, lists joined in the
 * active language, typed text in its own direction. One instance per screen (it reads the
 * reference data once).
 */
export function useValueRenderer(): (view: ValueView) => ReactNode {
  const { t, i18n } = useTranslation(['conflicts', 'common', 'organisations']);
  const fmt = useFormatters();
  const ref = useReferenceData();
  const names = useDisplayNames();
  const lang = i18n.language;
  const intl = useMemo(
    () => ({
      euro: new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }),
      list: new Intl.ListFormat(lang, { type: 'conjunction' }),
    }),
    [lang],
  );

  return useMemo(() => {
    function render(view: ValueView): ReactNode {
      switch (view.kind) {
        case 'empty':
          return <span className="muted">{t('conflicts:value.empty')}</span>;
        case 'bool':
          return view.value ? t('common:form.yes') : t('common:form.no');
        case 'number':
          switch (view.style) {
            case 'year':
              return String(view.value);
            case 'percent':
              return t('organisations:profile.percent', { value: fmt.number(view.value) });
            case 'money':
              return intl.euro.format(view.value);
            case 'plain':
              return fmt.number(view.value);
          }
          return null;
        case 'text':
          return (
            <span dir="auto" className="user-text">
              {view.text}
            </span>
          );
        case 'raw':
          return <bdi>{view.text}</bdi>;
        case 'key':
          return t(view.key);
        case 'ref':
          return ref.label(view.refKind, view.code);
        case 'language':
          return names.language(view.code);
        case 'region':
          return names.region(view.code);
        case 'date':
          return fmt.date(view.value);
        case 'dateTime':
          return fmt.dateTime(view.value);
        case 'list': {
          // Let Intl place the separators ("A, B und C"), with each item rendered as a node.
          const nodes = view.items.map(render);
          let next = 0;
          return intl.list
            .formatToParts(view.items.map((_, i) => String(i)))
            .map((part, i) => (
              <Fragment key={i}>{part.type === 'element' ? nodes[next++] : part.value}</Fragment>
            ));
        }
        case 'fields':
          return (
            <dl className="conflict-fields">
              {view.entries.map((e) => (
                <div key={e.key}>
                  <dt>{e.label ? t(e.label) : <bdi>{e.key}</bdi>}</dt>
                  <dd>{render(e.value)}</dd>
                </div>
              ))}
            </dl>
          );
      }
    }
    return render;
  }, [t, fmt, ref, names, intl]);
}
