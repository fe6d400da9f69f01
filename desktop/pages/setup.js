// First run: ask for the server's address; the main process checks it answers, then keeps it.
document.getElementById('setup').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const result = await window.maitreDesktop.setServerUrl(document.getElementById('url').value);
  if (!result.ok) error.textContent = result.error;
});
