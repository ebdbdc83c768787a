import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `delay` ms (typeahead: one request per pause, not per key). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
