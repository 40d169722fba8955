package org.hms.hub.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work left until the current JTA transaction has ended: after its commit only, or however it ended. */
public final class AfterCompletion {

    private AfterCompletion() {
    }

    /** Runs {@code action} once the current transaction has committed (never after a rollback); at once without one. */
    public static void onCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
        if (transactions.getTransactionKey() == null) {
            action.run();
            return;
        }
        register(transactions, status -> {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        });
    }

    /** Runs {@code action} once the current active transaction has ended, committed or not; nothing without one. */
    public static void always(TransactionSynchronizationRegistry transactions, Runnable action) {
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            register(transactions, status -> action.run());
        }
    }

    private static void register(TransactionSynchronizationRegistry transactions,
                                 java.util.function.IntConsumer afterCompletion) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                afterCompletion.accept(status);
            }
        });
    }
}
