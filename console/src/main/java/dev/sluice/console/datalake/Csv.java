package dev.sluice.console.datalake;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (quotes doubled, fields with separators quoted, CRLF rows). Cells
 * that a spreadsheet would run as a formula get a leading apostrophe.
 */
final class Csv {

  private Csv() {}

  static void appendRow(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(out, cells.get(i));
    }
    out.append("\r\n");
  }

  static void appendCell(StringBuilder out, String value) {
    if (value == null) {
      return;
    }
    String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
        && !value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? "'" + value : value;
    if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0) {
      out.append('"').append(cell.replace("\"", "\"\"")).append('"');
    } else {
      out.append(cell);
    }
  }
}
