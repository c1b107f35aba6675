/**
 * Registration and bank requisites checked by their real algorithms: Russian {@link org.crm4j.requisites.Inn},
 * {@link org.crm4j.requisites.Kpp}, {@link org.crm4j.requisites.Ogrn}, {@link org.crm4j.requisites.Ogrnip},
 * {@link org.crm4j.requisites.Bik} and bank accounts whose control key is computed with the BIK
 * ({@link org.crm4j.requisites.RuBankAccount}); international {@link org.crm4j.requisites.Iban} (mod 97) and
 * {@link org.crm4j.requisites.Bic}. Every type is an immutable, thread-safe record, valid once built.
 */
@NullMarked
package org.crm4j.requisites;

import org.jspecify.annotations.NullMarked;
