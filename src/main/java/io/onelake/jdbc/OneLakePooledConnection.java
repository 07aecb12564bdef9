/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * A physical onelake connection as {@link OneLakeDataSource#getPooledConnection()} hands it to a pool
 * manager. {@link #getConnection()} returns a logical handle whose {@code close()} tells the listeners
 * (the pool) that the connection is free again, instead of closing the physical connection.
 *
 * <p>Statements are not pooled, so statement event listeners are accepted but never called. Objects
 * made by the handle (statements, metadata) report the physical connection from getConnection().
 */
final class OneLakePooledConnection implements PooledConnection {
  private final Connection physical;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
  private Handle current;
  private boolean closed;

  OneLakePooledConnection(Connection physical) {
    this.physical = requireNonNull(physical, "physical");
  }

  /**
   * A new logical handle. A handle still open is closed first, without an event: JDBC allows one
   * open handle per pooled connection, and the pool already owns this connection.
   */
  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("The pooled connection is closed", "08003");
    }
    if (current != null) {
      current.closeQuietly();
    }
    current = new Handle();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, current);
  }

  @Override
  public synchronized void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.closeQuietly();
      current = null;
    }
    physical.close();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void addStatementEventListener(StatementEventListener listener) {
    statementListeners.add(requireNonNull(listener, "listener"));
  }

  @Override
  public void removeStatementEventListener(StatementEventListener listener) {
    statementListeners.remove(listener);
  }

  private void fireClosed() {
    ConnectionEvent event = new ConnectionEvent(this);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  private void fireError(SQLException error) {
    ConnectionEvent event = new ConnectionEvent(this, error);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionErrorOccurred(event);
    }
  }

  /** One logical handle; after close() every call but close/isClosed/isValid fails with 08003. */
  private final class Handle implements InvocationHandler {
    private volatile boolean handleClosed;

    void closeQuietly() {
      handleClosed = true;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          if (!handleClosed) {
            handleClosed = true;
            release();
          }
          return null;
        case "isClosed":
          return handleClosed || physical.isClosed();
        case "isValid":
          return !handleClosed && physical.isValid((Integer) args[0]);
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "OneLakePooledConnection.Handle[" + (handleClosed ? "closed" : physical) + "]";
        default:
          break;
      }
      if (handleClosed) {
        throw new SQLException("The connection is closed", "08003");
      }
      try {
        return method.invoke(physical, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        // A connection-class failure (08xxx) means the physical connection is unusable: tell the pool.
        if (cause instanceof SQLException sql && sql.getSQLState() != null
            && sql.getSQLState().startsWith("08")) {
          fireError(sql);
        }
        throw cause;
      }
    }

    /**
     * Ends the logical connection: work left uncommitted is rolled back and auto-commit restored, so
     * the next borrower starts as on a fresh connection; then the pool hears the connection is free.
     */
    private void release() {
      try {
        if (!physical.getAutoCommit()) {
          physical.rollback();
          physical.setAutoCommit(true);
        }
      } catch (SQLException e) {
        fireError(e);
        return;
      }
      fireClosed();
    }
  }
}
