/** A1 addresses, 1-based rows and columns as Sheets counts them. */

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function a1Range(row: number, column: number, numRows: number, numColumns: number): string {
  const start = a1(row, column);
  return numRows === 1 && numColumns === 1 ? start : `${start}:${a1(row + numRows - 1, column + numColumns - 1)}`;
}
