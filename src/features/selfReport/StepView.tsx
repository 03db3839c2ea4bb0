import { useEffect, useRef, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../app/ui/ErrorSummary';
import { useFormatters } from '../../app/ui/useFormatters';
import type { OpenSelfReportDraft } from '../../db/repositories/selfReportDrafts';
import { GoalsStep, MembersStep, NamesStep, RoomsStep } from './AnswerSteps';
import { CheckStep } from './CheckStep';
import { NeedsStep } from './NeedsStep';
import { SaveStatus } from './SaveStatus';
import { linkProblemKey } from './selfReportDraft';
import type { SelfReportSession, SessionState } from './session';
import type { SetAnswer, StepProps } from './stepProps';
import { selfReportSteps, stepNumber } from './steps';
import { WelcomeStep } from './WelcomeStep';

interface Props {
  draft: OpenSelfReportDraft;
  state: SessionState;
  session: SelfReportSession;
}

/** One screen of the self-report: progress, one topic, errors, saved status, back and next. */
export function StepView({ draft, state, session }: Props) {
  const { t } = useTranslation(['selfReport']);
  const fmt = useFormatters();
  const step = draft.step;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    // A new screen: move focus to its heading, so it is announced and reading starts at the top.
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const setAnswer: SetAnswer = (key, value) =>
    session.edit((d) => ({ answers: { ...d.answers, [key]: value } }));
  const props: StepProps = { draft, errors: state.errors, setAnswer, session };
  // The needs' fields are named `need-<item>-…`; the summary links to them with that prefix.
  const summaryErrors =
    step === 'needs'
      ? state.errors.map((e) => ({ ...e, path: e.path.replace(/^needs\.?/, '') }))
      : state.errors;

  function onSubmit(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    if (step === 'check') void session.send();
    else session.next();
  }

  return (
    <form className="sr-step" noValidate onSubmit={onSubmit} aria-labelledby="sr-step-title">
      <p className="sr-progress" id="sr-progress">
        {t('selfReport:progress', {
          current: fmt.number(stepNumber(step)),
          total: fmt.number(selfReportSteps.length),
        })}
      </p>
      <progress
        className="sr-progress-bar"
        value={stepNumber(step)}
        max={selfReportSteps.length}
        aria-labelledby="sr-progress"
      />
      {state.linkProblem ? (
        <div className="sr-notice sr-problem" role="alert" data-testid="sr-error">
          <p>{t(linkProblemKey(state.linkProblem))}</p>
          <p>{t('selfReport:link.answersKept')}</p>
        </div>
      ) : null}
      {state.carriedOver ? <p className="sr-notice">{t('selfReport:carriedOver')}</p> : null}
      <h1 id="sr-step-title" ref={headingRef} tabIndex={-1} data-testid="sr-step" data-step={step}>
        {t(`selfReport:steps.${step}`)}
      </h1>
      <ErrorSummary errors={summaryErrors} idPrefix={step === 'needs' ? 'need-' : ''} />
      {step === 'welcome' ? <WelcomeStep {...props} /> : null}
      {step === 'names' ? <NamesStep {...props} /> : null}
      {step === 'goals' ? <GoalsStep {...props} /> : null}
      {step === 'members' ? <MembersStep {...props} /> : null}
      {step === 'rooms' ? <RoomsStep {...props} /> : null}
      {step === 'needs' ? <NeedsStep {...props} /> : null}
      {step === 'check' ? <CheckStep {...props} sendFailed={state.sendFailed} /> : null}
      <div className="sr-footer">
        <SaveStatus save={state.save} />
        <div className="sr-nav">
          {step !== 'welcome' ? (
            <button
              type="button"
              className="button sr-back"
              data-testid="sr-back"
              disabled={state.sending}
              onClick={session.back}
            >
              <span className="sr-arrow" aria-hidden="true">
                ←
              </span>
              {t('selfReport:nav.back')}
            </button>
          ) : null}
          {step === 'check' ? (
            <button
              type="submit"
              className="button primary sr-forward"
              data-testid="sr-send"
              disabled={state.sending}
            >
              {state.sending ? t('selfReport:nav.sending') : t('selfReport:nav.send')}
            </button>
          ) : (
            <button type="submit" className="button primary sr-forward" data-testid="sr-next">
              {t('selfReport:nav.next')}
              <span className="sr-arrow" aria-hidden="true">
                →
              </span>
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
