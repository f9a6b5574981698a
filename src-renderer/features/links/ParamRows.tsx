import { KeyValueRows } from '../../components/KeyValueRows';
import { useLinks } from './context';
import { paramProblems } from './params';

/** Extra query parameters, signed with the link; the command reads them as `params`. */
export function ParamRows({ id }: { id: string }) {
  const params = useLinks((state) => state.form.params);
  const addParam = useLinks((state) => state.addParam);
  const setParam = useLinks((state) => state.setParam);
  const removeParam = useLinks((state) => state.removeParam);
  const problems = paramProblems(params);
  const rows = params.map((row) => {
    const message = problems.get(row.id);
    const problem =
      message === undefined
        ? undefined
        : { id: `${id}-param-${row.id}`, message, testId: 'link-param-problem' };
    return { rowKey: row.id, name: row.key, value: row.value, problem };
  });

  return (
    <fieldset className="form-row form-row-top param-rows">
      <legend className="form-label">Params</legend>
      <KeyValueRows
        rows={rows}
        noun="param"
        placeholders={{ name: 'name', value: 'value' }}
        testIds={{
          row: 'link-param',
          name: 'link-param-key',
          value: 'link-param-value',
          remove: 'link-param-remove',
          add: 'link-param-add',
        }}
        classNames={{ list: 'field-stack', row: 'param-row' }}
        empty={<span className="muted small">None. Each param is signed with the link.</span>}
        onChange={(rowId, field, text) => setParam(rowId, field === 'name' ? { key: text } : { value: text })}
        onRemove={removeParam}
        onAdd={addParam}
      />
    </fieldset>
  );
}
