/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 *
 * Accepted forms: `YYMMDD-NNNC`, `YYMMDD+NNNC` (`+` marks someone 100 or older), `YYMMDDNNNC`,
 * `YYYYMMDD-NNNC`, `YYYYMMDDNNNC`, and `YYYYMMDD+NNNC`. A space is not a separator (Skatteverket's
 * forms never use one, and the personnummer project's shared test data treats it as invalid).
 */

export interface Personnummer {
  /** `YYYYMMDD-NNNC`, the form sent to Vitec. */
  readonly normalised: string;
  /** `ssn` for a personnummer, `con` for a samordningsnummer (day of birth plus 60). */
  readonly type: 'ssn' | 'con';
}

const FORM = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn check over the ten digits YYMMDDNNN plus the check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Parses a personnummer or samordningsnummer, or returns `null` when it is not a valid one.
 * `today` decides the century of a ten-digit number: the latest year that is not in the future,
 * minus a hundred when the separator is `+`.
 */
export function parsePersonnummer(input: string, today: Date = new Date()): Personnummer | null {
  const match = FORM.exec(input.trim());
  if (!match) return null;
  const [, century, yy, mm, dd, separator, birth, check] = match as unknown as string[];
  if (birth === '000') return null;
  if (!luhnValid(`${yy}${mm}${dd}${birth}${check}`)) return null;

  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    const thisYear = today.getFullYear();
    year = thisYear - ((thisYear - Number(yy)) % 100);
    if (separator === '+') year -= 100;
  }
  const month = Number(mm);
  let day = Number(dd);
  const type = day > 60 ? 'con' : 'ssn';
  if (type === 'con') day -= 60;
  if (!isRealDate(year, month, day)) return null;

  return { normalised: `${year}${mm}${dd}-${birth}${check}`, type };
}
