/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

/** One letter of a {@code query} record's type string; it decides how the column's values are printed. */
public enum ColumnType {
  INTEGER('I'),
  REAL('R'),
  TEXT('T'),
  BOOLEAN('B'),
  DATETIME('D');

  private final char letter;

  ColumnType(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  /** The type for a letter of a type string, or {@code null} if the letter is not one of {@code IRTBD}. */
  static ColumnType ofLetter(char letter) {
    for (ColumnType type : values()) {
      if (type.letter == letter) {
        return type;
      }
    }
    return null;
  }
}
