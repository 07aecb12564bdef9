/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import io.onelake.exec.Session;
import io.onelake.sql.BatchStream;
import io.onelake.sql.CommandSignature;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.OneLakePreparedStatement;
import org.apache.calcite.jdbc.OneLakeStatement;
import org.apache.calcite.jdbc.OneLakeStatements;

/**
 * Wraps Calcite's {@link Meta} for one connection. It (1) turns every failure into an exception that
 * carries the right SQLState, (2) runs a JDBC batch as one commit per table instead of one commit per
 * row (committing the rows its statement wrote as they were added, where it did), (3) refuses a
 * statement of the wrong kind for {@code executeQuery}/{@code executeUpdate} before it runs, (4)
 * answers catalog metadata for the lakehouse, and (5) closes the session with the connection.
 * Everything else goes to Calcite unchanged.
 */
final class MetaInterceptor implements InvocationHandler {
  /** Meta methods that execute statements. */
  private static final java.util.Set<String> EXECUTIONS =
      java.util.Set.of("prepareAndExecute", "execute", "executeBatch", "prepareAndExecuteBatch");

  private final Meta delegate;
  private final Session session;
  private final LakehouseMetadata metadata;
  private final AvaticaConnection connection;

  private MetaInterceptor(Meta delegate, Session session, AvaticaConnection connection) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.session = requireNonNull(session, "session");
    this.metadata = new LakehouseMetadata(connection, session);
    this.connection = connection;
  }

  static Meta wrap(Meta delegate, Session session, AvaticaConnection connection) {
    return (Meta) Proxy.newProxyInstance(MetaInterceptor.class.getClassLoader(),
        new Class<?>[] {Meta.class}, new MetaInterceptor(delegate, session, connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (EXECUTIONS.contains(method.getName()) && session.batch().inTransaction()) {
      return inTransaction(method, args);
    }
    return dispatch(method, args);
  }

  /**
   * A statement inside a transaction stages its rows; if it fails, what it staged is undone, so that
   * it is all-or-nothing there too.
   */
  private Object inTransaction(Method method, Object[] args) throws Throwable {
    session.batch().savepoint();
    boolean succeeded = false;
    try {
      Object result = dispatch(method, args);
      succeeded = true;
      return result;
    } finally {
      if (!succeeded) {
        session.batch().rollbackStatement();
      }
    }
  }

  private Object dispatch(Method method, Object[] args) throws Throwable {
    try {
      switch (method.getName()) {
        case "execute":
          return execute(method, args);
        case "prepareAndExecute":
          return call(method, checkedCallback(args));
        case "executeBatch":
          return executeBatch((Meta.StatementHandle) args[0], castList(args[1]));
        case "prepareAndExecuteBatch":
          return inBatch(() -> (Meta.ExecuteBatchResult) call(method, args));
        case "getCatalogs":
          return metadata.catalogs();
        case "getSchemas":
          return metadata.schemas((String) args[1], (Meta.Pat) args[2]);
        case "getTables":
          return metadata.tables((String) args[1], (Meta.Pat) args[2], (Meta.Pat) args[3],
              castStrings(args[4]));
        case "getColumns":
          return metadata.columns((String) args[1], (Meta.Pat) args[2], (Meta.Pat) args[3],
              (Meta.Pat) args[4]);
        case "getTableTypes":
          return metadata.tableTypes();
        case "getTypeInfo":
          return metadata.typeInfo();
        case "connectionSync": {
          syncAutoCommit((Meta.ConnectionProperties) args[1]);
          Meta.ConnectionProperties properties = (Meta.ConnectionProperties) call(method, args);
          // Avatica takes an unset read-only flag as "read-only"; a onelake connection writes.
          if (properties.isReadOnly() == null) {
            properties.setReadOnly(false);
          }
          session.setReadOnly(Boolean.TRUE.equals(properties.isReadOnly()));
          return properties;
        }
        case "commit":
          session.batch().commit();
          return null;
        case "rollback":
          session.batch().rollback();
          return null;
        case "closeConnection":
          try {
            closeStatements();
            return call(method, args);
          } finally {
            session.close();
          }
        case "toString":
          return "OneLakeMeta[" + session.catalog().name() + "]";
        default:
          return call(method, args);
      }
    } catch (Throwable failure) {
      if (failure instanceof VirtualMachineError) {
        throw failure;
      }
      if (failure instanceof org.apache.calcite.avatica.NoSuchStatementException
          || failure instanceof org.apache.calcite.avatica.NoSuchConnectionException
          || failure instanceof org.apache.calcite.avatica.MissingResultsException) {
        throw failure;
      }
      throw SqlErrors.translate(failure);
    }
  }

  /**
   * Closes the connection's statements (and their result sets), as JDBC requires of
   * Connection.close(). Avatica leaves them open, so that a PreparedStatement could still run.
   */
  private void closeStatements() {
    for (AvaticaStatement statement : List.copyOf(connection.statementMap.values())) {
      try {
        statement.close();
      } catch (SQLException | RuntimeException e) {
        // The connection is closing anyway; the session releases what is left.
      }
    }
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * One execution. Timestamp parameters with microseconds ({@link TimestampParameters}) are written
   * exactly by INSERT's bulk path when the statement has one; Calcite gets their milliseconds.
   */
  private Object execute(Method method, Object[] args) throws Throwable {
    Meta.StatementHandle handle = (Meta.StatementHandle) args[0];
    List<TypedValue> parameters = castValues(args[1]);
    if (parameters == null || !TimestampParameters.any(parameters)) {
      return call(method, args);
    }
    Meta.Signature signature = OneLakeStatements.signature(connection, handle);
    CommandSignature.BatchCommand bulk =
        signature == null ? null : CommandSignature.batchCommand(signature);
    if (bulk != null) {
      long count = bulk.execute(List.of(parameters))[0];
      return new Meta.ExecuteResult(
          List.of(Meta.MetaResultSet.count(handle.connectionId, handle.id, count)));
    }
    Object[] converted = args.clone();
    converted[1] = TimestampParameters.forCalcite(parameters);
    return call(method, converted);
  }

  private Meta.ExecuteBatchResult executeBatch(Meta.StatementHandle handle,
      List<List<TypedValue>> parameterLists) throws Throwable {
    try (BatchStream stream = streamOf(handle)) {
      if (stream != null && stream.stillApplies(parameterLists.size())) {
        return new Meta.ExecuteBatchResult(stream.commit());
      }
    }
    Meta.Signature signature = OneLakeStatements.signature(connection, handle);
    CommandSignature.BatchCommand bulk =
        signature == null ? null : CommandSignature.batchCommand(signature);
    if (bulk != null) {
      return inBatch(() -> new Meta.ExecuteBatchResult(bulk.execute(parameterLists)));
    }
    return inBatch(() -> {
      long[] counts = new long[parameterLists.size()];
      for (int i = 0; i < counts.length; i++) {
        Meta.ExecuteResult result =
            delegate.execute(handle, TimestampParameters.forCalcite(parameterLists.get(i)), -1);
        counts[i] = result.resultSets.size() == 1 ? result.resultSets.get(0).updateCount : -1;
      }
      return new Meta.ExecuteBatchResult(counts);
    });
  }

  /**
   * The arguments of {@code prepareAndExecute} with a callback that refuses the prepared statement
   * before it runs when it is not what the JDBC method expects ({@code executeQuery} of an INSERT,
   * {@code executeUpdate} of a query; see {@link OneLakeStatements#check}).
   */
  private Object[] checkedCallback(Object[] args) {
    Meta.StatementHandle handle = (Meta.StatementHandle) args[0];
    AvaticaStatement statement = connection.statementMap.get(handle.id);
    OneLakeStatements.Expected expected =
        statement instanceof OneLakeStatement ? ((OneLakeStatement) statement).expected() : null;
    int last = args.length - 1;
    if (expected == null || !(args[last] instanceof Meta.PrepareCallback)) {
      return args;
    }
    Meta.PrepareCallback callback = (Meta.PrepareCallback) args[last];
    Object[] checked = args.clone();
    checked[last] = new Meta.PrepareCallback() {
      @Override
      public Object getMonitor() {
        return callback.getMonitor();
      }

      @Override
      public void clear() throws SQLException {
        callback.clear();
      }

      @Override
      public void assign(Meta.Signature signature, Meta.Frame firstFrame, long updateCount)
          throws SQLException {
        OneLakeStatements.check(expected, signature);
        callback.assign(signature, firstFrame, updateCount);
      }

      @Override
      public void execute() throws SQLException {
        callback.execute();
      }
    };
    return checked;
  }

  /**
   * The rows of the batch its statement already wrote while they were added, or null. A stream that
   * no longer applies is closed (its files deleted) and the batch runs from its parameters.
   */
  private BatchStream streamOf(Meta.StatementHandle handle) {
    AvaticaStatement statement = connection.statementMap.get(handle.id);
    return statement instanceof OneLakePreparedStatement
        ? ((OneLakePreparedStatement) statement).takeBatchStream() : null;
  }

  /** Runs a batch with writes staged, then commits them once per table (unless in a transaction). */
  private Meta.ExecuteBatchResult inBatch(BatchBody body) throws Throwable {
    session.batch().beginBatch();
    boolean succeeded = false;
    try {
      Meta.ExecuteBatchResult result = body.run();
      succeeded = true;
      return result;
    } finally {
      session.batch().endBatch(succeeded);
    }
  }

  /** Auto-commit off makes INSERTs stage their rows until commit() (SPEC §4 Transactions). */
  private void syncAutoCommit(Meta.ConnectionProperties properties) {
    if (properties != null && properties.isAutoCommit() != null) {
      session.batch().setTransaction(!properties.isAutoCommit());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<TypedValue> castValues(Object value) {
    return (List<TypedValue>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<List<TypedValue>> castList(Object value) {
    return (List<List<TypedValue>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castStrings(Object value) {
    return value == null ? null : new ArrayList<>((List<String>) value);
  }

  @FunctionalInterface
  private interface BatchBody {
    Meta.ExecuteBatchResult run() throws Throwable;
  }
}
