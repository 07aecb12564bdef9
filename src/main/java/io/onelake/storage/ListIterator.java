/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import io.delta.kernel.utils.CloseableIterator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A {@link CloseableIterator} over an already materialized listing. */
final class ListIterator<T> implements CloseableIterator<T> {
  private final Iterator<T> delegate;

  ListIterator(List<T> items) {
    this.delegate = List.copyOf(items).iterator();
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public T next() {
    if (!delegate.hasNext()) {
      throw new NoSuchElementException();
    }
    return delegate.next();
  }

  @Override
  public void close() {}
}
