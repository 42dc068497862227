package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 403: the account was deactivated by an administrator. */
public class AccountDisabled extends UsherException {

    public AccountDisabled() {
        super(403, "identity.account_disabled", "This account is deactivated. Contact an administrator.");
    }
}
