/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.onelake.sql.parser.impl.OneLakeSqlParserImpl;
import java.io.Reader;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;

/**
 * Our generated parser for Calcite. DDL never reaches Calcite's DDL executor: the statement router
 * sends it to our executors at execute time, so the executor here refuses everything.
 */
public final class OneLakeParserFactory implements SqlParserImplFactory {
  public static final OneLakeParserFactory INSTANCE = new OneLakeParserFactory();

  private OneLakeParserFactory() {}

  @Override
  public SqlAbstractParserImpl getParser(Reader stream) {
    return OneLakeSqlParserImpl.FACTORY.getParser(stream);
  }

  @Override
  public DdlExecutor getDdlExecutor() {
    return DdlExecutor.USELESS;
  }
}
