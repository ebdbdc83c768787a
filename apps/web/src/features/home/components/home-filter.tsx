import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/form-field';

interface HomeFilterProps {
  label: string;
  /** the URL parameter the choice is kept in (`giorni`, `periodo`): the home reads it back */
  param: string;
  value: string;
  options: readonly { value: string; label: string }[];
}

/** A choice of a home (the period, the days without activity), kept in the URL: a change replaces the entry. */
export function HomeFilter({ label, param, value, options }: HomeFilterProps) {
  const [params, setParams] = useSearchParams();
  return (
    <form className="home-filter" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label={label}
        value={value}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set(param, event.target.value);
          setParams(next, { replace: true });
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
