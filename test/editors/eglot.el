;;; eglot.el --- drive the fact-check language server from Emacs's eglot, headless -*- lexical-binding: t -*-

;; Run by test/editors/eglot.test.ts as `emacs --batch -Q -l eglot.el'.  It configures eglot the
;; way the README's recipe does, opens a draft with a known conflict and records what the editor
;; saw (Flymake diagnostics, the hover eldoc shows, the code action applied, the workspace check
;; command, shutdown) in a JSON file for the test to assert on.  It asserts nothing itself.
;;
;; Environment: FACTCHECK_NODE, FACTCHECK_BIN (the server: node BIN lsp --stdio), FACTCHECK_DRAFT
;; (a draft with a conflict on line 8, in the workspace folder), FACTCHECK_SETTINGS (JSON for
;; `eglot-workspace-configuration', optional), FACTCHECK_OUT (the JSON record).

(require 'package)
;; Debian's elpa-eglot and the packages it needs, without the site start files -Q skips.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar fc-record nil "What was seen, an alist written out as JSON.")
(defvar fc-timeout 10.0)

(defun fc-put (key value) (setq fc-record (cons (cons key value) fc-record)))

(defun fc-wait (pred)
  "Spin the event loop until PRED is non-nil or `fc-timeout' seconds pass; return PRED's value."
  (let ((deadline (+ (float-time) fc-timeout)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

(defun fc-diagnostics ()
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
              `((line . ,(line-number-at-pos beg))
                (col . ,(save-excursion (goto-char beg) (current-column)))
                (text . ,(buffer-substring-no-properties beg end))
                (type . ,(symbol-name (flymake-diagnostic-type d)))
                (message . ,(flymake-diagnostic-text d)))))
          (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

(defun fc-goto (line col)
  (goto-char (point-min))
  (forward-line (1- line))
  (forward-char col))

;; The recipe: no markdown-mode in a bare Emacs, so .md opens in text-mode here.
(add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))
(add-to-list 'eglot-server-programs
             `((markdown-mode text-mode) . (,(getenv "FACTCHECK_NODE") ,(getenv "FACTCHECK_BIN") "lsp" "--stdio")))
(let ((settings (getenv "FACTCHECK_SETTINGS")))
  (when settings
    ;; The recipe's plist form: eglot answers workspace/configuration's `factcheck' section from
    ;; it, and pushes it with workspace/didChangeConfiguration once connected.
    (setq-default eglot-workspace-configuration
                  (list :factcheck (json-parse-string settings :object-type 'plist)))))

(defun fc-main ()
  (find-file (getenv "FACTCHECK_DRAFT"))
  (switch-to-buffer (current-buffer))   ; eglot renders hovers only for a displayed buffer
  (fc-put 'major_mode (symbol-name major-mode))
  (apply #'eglot (eglot--guess-contact)) ; what M-x eglot does
  (let ((server (eglot-current-server)))
    (fc-put 'managed (and eglot--managed-mode t))
    (fc-put 'server_info (eglot--server-info server))
    ;; Diagnostics, through Flymake.
    (flymake-start)
    (fc-wait #'flymake-diagnostics)
    (fc-put 'diagnostics (fc-diagnostics))
    ;; Hover, as eldoc asks for it and shows it.
    (fc-goto 8 28)
    (let (hover)
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
      (fc-wait (lambda () hover))
      (fc-put 'hover hover))
    ;; The workspace check, as a command.
    (fc-put 'execute (eglot-execute-command server 'factcheck.server.checkWorkspace []))
    ;; The quick fix, through eglot's own menu (its default is the server's preferred action).
    (fc-goto 8 28)
    (let ((before (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
          titles)
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest args)
                   (setq titles (mapcar #'car items))
                   (nth 4 args))))      ; DEF: the preferred action
        (let ((last-nonmenu-event 13))  ; a keyboard command, so a minibuffer menu, not a popup
          (eglot-code-actions (point) (point) nil t)))
      (fc-put 'code_actions titles)
      (fc-wait (lambda () (not (equal before (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
      (fc-put 'line_after_fix (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
    ;; eglot sends the change on an idle timer, which batch Emacs never reaches: send it now.
    (eglot--signal-textDocument/didChange)
    (fc-wait (lambda () (not (cl-find-if (lambda (d) (and (equal (alist-get 'line d) 8)
                                                           (string-prefix-p "factcheck [conflict]" (alist-get 'message d))))
                                         (fc-diagnostics)))))
    (fc-put 'diagnostics_after_fix (fc-diagnostics))
    ;; Shutdown: eglot sends shutdown and exit, then deletes the process at once; give the server
    ;; time to end by itself first, and record how it ended.
    (let ((proc (jsonrpc--process server)))
      (advice-add 'jsonrpc-shutdown :before
                  (lambda (&rest _)
                    (fc-wait (lambda () (not (process-live-p proc))))
                    (fc-put 'exit `((status . ,(symbol-name (process-status proc)))
                                    (code . ,(process-exit-status proc))))))
      (eglot-shutdown server))))

(condition-case err
    (fc-main)
  (error (fc-put 'error (format "%S" err))))
(let ((json-encoding-pretty-print nil))
  (with-temp-file (getenv "FACTCHECK_OUT")
    (insert (json-encode fc-record))))
(kill-emacs 0)

;;; eglot.el ends here
