/**
 * The sign-in screen shown in the main window before the desk. On a database without agents it offers to create
 * the first admin or to try the demo data instead. The view-model checks the password in the store off the FX
 * thread and wipes the typed password afterwards.
 */
package com.supportdesk.ui.signin;
