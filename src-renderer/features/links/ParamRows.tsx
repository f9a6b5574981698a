import { useLinks } from './context';
import { paramProblems } from './params';

/** Extra query parameters, signed with the link; the command reads them as `params`. */
export function ParamRows({ id }: { id: string }) {
  const params = useLinks((state) => state.form.params);
  const addParam = useLinks((state) => state.addParam);
  const setParam = useLinks((state) => state.setParam);
  const removeParam = useLinks((state) => state.removeParam);
  const problems = paramProblems(params);

  return (
    <fieldset className="form-row form-row-top param-rows">
      <legend className="form-label">Params</legend>
      <div className="field-stack">
        {params.length === 0 && (
          <span className="muted small">None. Each param is signed with the link.</span>
        )}
        {params.map((row, index) => {
          const problem = problems.get(row.id);
          return (
            <div key={row.id} className="param-row" data-testid="link-param">
              <input
                data-testid="link-param-key"
                aria-label={`Param ${index + 1} name`}
                value={row.key}
                spellCheck={false}
                autoComplete="off"
                placeholder="name"
                aria-invalid={problem !== undefined}
                aria-describedby={problem === undefined ? undefined : `${id}-param-${row.id}`}
                onChange={(event) => setParam(row.id, { key: event.target.value })}
              />
              <input
                data-testid="link-param-value"
                aria-label={`Param ${index + 1} value`}
                value={row.value}
                spellCheck={false}
                autoComplete="off"
                placeholder="value"
                onChange={(event) => setParam(row.id, { value: event.target.value })}
              />
              <button
                type="button"
                className="button"
                data-testid="link-param-remove"
                aria-label={`Remove param ${index + 1}`}
                onClick={() => removeParam(row.id)}
              >
                Remove
              </button>
              {problem !== undefined && (
                <span
                  id={`${id}-param-${row.id}`}
                  className="error-text small"
                  data-testid="link-param-problem"
                >
                  {problem}
                </span>
              )}
            </div>
          );
        })}
        <div>
          <button type="button" className="button" data-testid="link-param-add" onClick={addParam}>
            Add param
          </button>
        </div>
      </div>
    </fieldset>
  );
}
